package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doNothing;

import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.MailPreferenceService.Choices;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.support.Race;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Baton's own reminders, escalations and digest: sent once, to the right people, only when wanted. */
class TaskRemindersIntegrationTests extends InboxTest {

    @Autowired
    TaskReminders reminders;

    @Autowired
    TaskDigest digest;

    @Autowired
    MailPreferenceService preferences;

    @Autowired
    People people;

    @Test
    void remindsRobBeforeTheDueDateAndEscalatesToMariaOnceOverdue() {
        Task soon = arrivingTask("rob", Instant.now().plus(Duration.ofHours(2)), false);
        Task late = arrivingTask("rob", Instant.now().minus(Duration.ofHours(2)), false);

        reminders.run();
        reminders.run();

        assertThat(mailsAbout(soon, "rob@baton.example"))
                .extracting(InboxTest::subject)
                .hasSize(2)
                .contains("New task: Follow up")
                .anyMatch(s -> s.startsWith("Reminder: Follow up is due"));
        assertThat(actions(soon)).containsExactly("task.assigned", "task.reminded");
        assertThat(actions(late)).containsExactly("task.assigned", "task.reminded", "task.escalated");
        assertThat(mailsAbout(late, "maria@baton.example"))
                .extracting(InboxTest::subject)
                .containsExactly("Overdue: rob's task Follow up");
    }

    @Test
    void aTaskWhoseAssigneeLeftIsNotRemindedButReleasedToTheAdminsQueueWithWhy() {
        Person leaver = people.save(new Person(
                "leaver" + System.nanoTime(),
                "Lee Leaver",
                "leaver" + System.nanoTime() + "@baton.example",
                "{noop}x",
                Set.of(Role.REP)));
        Task task = arrivingTask(leaver.getUsername(), Instant.now().minus(Duration.ofHours(2)), false);
        leaver.deactivate();
        people.save(leaver);

        reminders.run();

        Task released = tasks.findById(task.getId()).orElseThrow();
        assertThat(released.getRemindedAt()).isNull();
        assertThat(released.getEscalatedAt()).isNull();
        assertThat(released.getAssignee()).isNull();
        assertThat(released.getOriginalAssignee()).isEqualTo(leaver.getUsername());
        assertThat(released.getUnassignedReason()).isEqualTo("assignee '" + leaver.getUsername() + "' is inactive");
        assertThat(released.isUnheld()).isTrue();
        assertThat(actions(task)).containsExactly("task.assigned", "task.released");
    }

    @Test
    void leavesAStepWhoseBpmnHasItsOwnTimersAlone() {
        Task own = arrivingTask("rob", Instant.now().minus(Duration.ofHours(2)), true);

        reminders.run();

        assertThat(actions(own)).containsExactly("task.assigned");
        assertThat(tasks.findById(own.getId()).orElseThrow().getRemindedAt()).isNull();
    }

    @Test
    void ravisSwitchedOffRemindersAreRecordedButNotMailed() {
        long ravi = people.findByUsername("ravi").orElseThrow().getId();
        preferences.choose(ravi, new Choices(true, false, true, false));
        try {
            Task task = arrivingTask("ravi", Instant.now().plus(Duration.ofHours(1)), false);

            reminders.run();

            assertThat(actions(task)).contains("task.reminded");
            assertThat(mailsAbout(task, "ravi@baton.example"))
                    .extracting(InboxTest::subject)
                    .containsExactly("New task: Follow up");
        } finally {
            preferences.choose(ravi, new Choices(true, true, true, false));
        }
    }

    @Test
    void twoReminderRunsAtOnceRemindAndEscalateEachTaskOnce() throws Exception {
        doNothing().when(taskEngine).extendLock(anyLong(), any());
        List<Task> late = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            late.add(arrivingTask(i % 2 == 0 ? "rob" : "rita", Instant.now().minus(Duration.ofMinutes(i + 1)), false));
        }

        int handled = runTwiceAtOnce();

        System.out.printf("two reminder runs at once handled %d reminders/escalations%n", handled);
        for (Task t : late) {
            assertThat(actions(t))
                    .as("task " + t.getId())
                    .containsExactly("task.assigned", "task.reminded", "task.escalated");
        }
    }

    @Test
    void coraWhoOptedInGetsOneDigestADayListingHerOpenTasks() {
        long cora = people.findByUsername("cora").orElseThrow().getId();
        preferences.choose(cora, new Choices(true, true, true, true));
        try {
            Task task = arrivingTask("cora", null, false);
            LocalDate day = LocalDate.now();

            digest.serve(day);
            digest.serve(day);

            assertThat(mailsAbout(task, "cora@baton.example"))
                    .extracting(InboxTest::subject)
                    .containsOnlyOnce("Your open tasks on "
                            + day.format(java.time.format.DateTimeFormatter.ofPattern(
                                    "EEE d MMM yyyy", java.util.Locale.ENGLISH)));
        } finally {
            preferences.choose(cora, new Choices(true, true, true, false));
        }
    }

    private int runTwiceAtOnce() throws Exception {
        return Race.twiceAtOnce(() -> reminders.run()).stream()
                .mapToInt(Integer::intValue)
                .sum();
    }
}
