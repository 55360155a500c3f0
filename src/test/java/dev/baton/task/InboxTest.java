package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.notification.OutboxDispatcher;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers for the inbox tests: tasks of their own, and the mails about them. */
abstract class InboxTest extends EngineIntegrationTest {

    @Autowired
    protected TaskService taskService;

    @Autowired
    protected AuditEvents auditEvents;

    @Autowired
    protected OutboxDispatcher dispatcher;

    @Autowired
    protected GreenMail greenMail;

    /**
     * A task as the bridge would store it for a job the engine does not have; its lock renewal is
     * stubbed, so housekeeping running meanwhile does not cancel it.
     */
    protected Task arrivingTask(String assignee, Instant dueAt, boolean ownReminders) {
        return arrivingTask(assignee, dueAt, ownReminders, false);
    }

    /** As above, for a step whose playbook mails the assignee itself ({@code baton:ownAssignmentMail}). */
    protected Task arrivingTask(String assignee, Instant dueAt, boolean ownReminders, boolean ownAssignmentMail) {
        return arrivingTask(assignee, dueAt, ownReminders, ownAssignmentMail, false);
    }

    /** As above, for a step whose playbook chases it itself once late ({@code baton:ownEscalation}). */
    protected Task arrivingTask(
            String assignee, Instant dueAt, boolean ownReminders, boolean ownAssignmentMail, boolean ownEscalation) {
        return arrivingTask(assignee, Set.of(), dueAt, ownReminders, ownAssignmentMail, ownEscalation);
    }

    /** As above, offered to the teams with {@code candidateGroups} besides (or, with no assignee, instead of) one. */
    protected Task offeredTask(String assignee, Set<String> candidateGroups, boolean ownAssignmentMail) {
        return arrivingTask(assignee, candidateGroups, null, false, ownAssignmentMail, false);
    }

    /** As above, offered to the teams with {@code candidateGroups}, held by nobody, due at {@code dueAt}. */
    protected Task offeredTask(Set<String> candidateGroups, Instant dueAt) {
        return arrivingTask(null, candidateGroups, dueAt, false, false, false);
    }

    private Task arrivingTask(
            String assignee,
            Set<String> candidateGroups,
            Instant dueAt,
            boolean ownReminders,
            boolean ownAssignmentMail,
            boolean ownEscalation) {
        long jobKey = ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE);
        try {
            doNothing().when(taskEngine).extendLock(eq(jobKey), any());
        } catch (TaskEngine.JobGone impossible) {
            throw new IllegalStateException(impossible); // stubbing does not call the engine
        }
        return taskService.upsert(new TaskSpec(
                jobKey,
                1,
                2,
                "inbox-test",
                1,
                "task_follow_up",
                "Follow up",
                assignee,
                candidateGroups,
                null,
                dueAt,
                null,
                null,
                null,
                ownReminders,
                ownAssignmentMail,
                Set.of(),
                null,
                null,
                null,
                ownEscalation));
    }

    /** A sample review that rob has claimed. */
    protected Task claimedByRob() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        assertThat(post("rob", task, "claim").getStatusCode().value()).isEqualTo(200);
        return tasks.findById(task.getId()).orElseThrow();
    }

    protected List<String> actions(Task task) {
        return auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()).stream()
                .map(AuditEvent::getAction)
                .toList();
    }

    /** Sends what is queued, then the mails to {@code address} that link to the task. */
    protected List<MimeMessage> mailsAbout(Task task, String address) {
        dispatcher.dispatch();
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(address)
                        && Pattern.compile("/tasks/" + task.getId() + "(?!\\d)")
                                .matcher(GreenMailUtil.getBody(m))
                                .find())
                .toList();
    }

    protected static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
