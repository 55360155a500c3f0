package dev.baton.task;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.notification.MailComposer;
import dev.baton.notification.MailKind;
import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.Outbox;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The task mails, queued in the caller's transaction through the outbox. Each dedup key names one
 * business event (the audit event's id for hand-overs), so a job or run delivered twice queues one
 * mail. A person who switched a kind of mail off, or has no active account, gets none.
 */
@Component
class TaskMails {

    private final Outbox outbox;
    private final MailComposer composer;
    private final MailPreferenceService preferences;
    private final PeopleLookup people;
    private final Accounts accounts;
    private final TimeZones zones;

    TaskMails(
            Outbox outbox,
            MailComposer composer,
            MailPreferenceService preferences,
            PeopleLookup people,
            Accounts accounts,
            TimeZones zones) {
        this.outbox = outbox;
        this.composer = composer;
        this.preferences = preferences;
        this.people = people;
        this.accounts = accounts;
        this.zones = zones;
    }

    /** To the new assignee; {@code event} names the assignment (task creation or an audit event id). */
    void assigned(Task task, String event) {
        send(
                task.getAssignee(),
                MailKind.ASSIGNMENT,
                "task-assigned",
                "task-assigned:" + task.getId() + ":" + event,
                task,
                Map.of());
    }

    /** To both: the new assignee gets the task, the previous one learns where it went. */
    void reassigned(Task task, String previous, long auditEventId) {
        assigned(task, String.valueOf(auditEventId));
        send(
                previous,
                MailKind.ASSIGNMENT,
                "task-reassigned",
                "task-reassigned:" + task.getId() + ":" + auditEventId,
                task,
                Map.of("newAssignee", task.getAssignee()));
    }

    void reminder(Task task) {
        send(task.getAssignee(), MailKind.REMINDER, "task-reminder", "task-reminder:" + task.getId(), task, Map.of());
    }

    /** To the assignee's manager; false when there is no one to escalate to. */
    boolean escalation(Task task) {
        Optional<Person> manager = people.byUsername(task.getAssignee()).map(Person::getManager);
        manager.ifPresent(m -> send(
                m.getUsername(),
                MailKind.ESCALATION,
                "task-escalation",
                "task-escalation:" + task.getId(),
                task,
                Map.of("assignee", task.getAssignee())));
        return manager.isPresent();
    }

    /**
     * The task's mails still waiting to go out (assignment, hand-over, reminder, escalation) are
     * withdrawn: the task was withdrawn before they went out, and nobody should be sent to a step that
     * is gone.
     */
    void withdrawn(Task task) {
        long id = task.getId();
        outbox.withdraw(
                List.of("task-reminder:" + id, "task-escalation:" + id),
                List.of("task-assigned:" + id + ":", "task-reassigned:" + id + ":"));
    }

    void digest(Person person, List<Task> open, java.time.LocalDate day) {
        List<Map<String, Object>> items = open.stream().map(this::model).toList();
        outbox.enqueue(
                "digest:" + person.getUsername() + ":" + day,
                person.getEmail(),
                null,
                composer.compose(
                        "digest",
                        Map.of("recipientName", person.getFullName(), "tasks", items, "day", day),
                        zones.of(person)));
    }

    private void send(
            String username, MailKind kind, String template, String key, Task task, Map<String, Object> extra) {
        Person to = username == null ? null : people.byUsername(username).orElse(null);
        if (to == null || !to.isActive() || !preferences.wants(to.getId(), kind)) {
            return;
        }
        Map<String, Object> model = model(task);
        model.putAll(extra);
        model.put("recipientName", to.getFullName());
        outbox.enqueue(key, to.getEmail(), null, composer.compose(template, model, zones.of(to)));
    }

    private Map<String, Object> model(Task task) {
        Map<String, Object> model = new HashMap<>();
        model.put("taskId", task.getId());
        model.put("taskName", task.getName());
        model.put("originalAssignee", task.getOriginalAssignee());
        model.put("delegatedBy", task.getDelegatedBy());
        if (task.getDueAt() != null) {
            model.put("dueAt", task.getDueAt()); // printed in the recipient's zone
        }
        if (task.getAccountId() != null) {
            accounts.findById(task.getAccountId()).map(Account::getName).ifPresent(n -> model.put("accountName", n));
        }
        return model;
    }
}
