package dev.baton.task;

import dev.baton.people.Person;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Baton's own reminder and escalation for every human step with a due date, unless its BPMN has
 * timers for them ({@code baton:ownReminders=true}); a BPMN that chases a late step itself ({@code
 * baton:ownEscalation=true}) gets the reminder alone. A reminder goes only before the due date: a
 * step already overdue (born so, or reached late) gets the escalation alone. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction as the mail is queued, so with
 * several app instances each reminder and escalation is queued once. A task whose assignee no longer
 * exists or is inactive is not "reminded" (nobody would be): it is released to its candidates or the
 * unassigned queue.
 */
@Service
public class TaskReminders {

    private final Tasks tasks;
    private final TaskMails mails;
    private final TaskService inbox;
    private final InboxSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TaskPeople people;

    TaskReminders(
            Tasks tasks,
            TaskMails mails,
            TaskService inbox,
            InboxSettings settings,
            Clock clock,
            TransactionTemplate tx,
            TaskPeople people) {
        this.people = people;
        this.tasks = tasks;
        this.mails = mails;
        this.inbox = inbox;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
    }

    /** Reminds and escalates everything due, batch by batch. Returns how many tasks it handled. */
    public int run() {
        int handled = 0;
        for (int n; (n = batch()) > 0; ) {
            handled += n;
        }
        return handled;
    }

    private int batch() {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Task> reminders = tasks.lockReminderDue(now, now.plus(settings.reminderLead()), settings.batchSize());
            List<Task> held = releaseUnheld(reminders);
            held.forEach(t -> {
                t.reminded(now);
                if (t.getAssignee() != null) {
                    mails.reminder(t);
                    inbox.record("task.reminded", t, Map.of());
                } else {
                    List<Person> told = mails.teamReminder(t);
                    inbox.record(
                            "task.reminded",
                            t,
                            Map.of(),
                            told.isEmpty()
                                    ? "nobody has claimed it, and nobody it is offered to gets team task reminders"
                                    : "nobody has claimed it: to " + names(told));
                }
            });
            List<Task> escalations = tasks.lockEscalationDue(now.minus(settings.escalateAfter()), settings.batchSize());
            releaseUnheld(escalations).forEach(t -> {
                t.escalated(now);
                if (t.getAssignee() != null) {
                    Optional<Person> manager = mails.escalation(t);
                    if (manager.isPresent()) {
                        inbox.record(
                                "task.escalated",
                                t,
                                Map.of(),
                                "to " + manager.get().getFullName() + ", the manager");
                    } else {
                        inbox.record("task.overdue-unescalated", t, Map.of());
                    }
                } else {
                    escalateUnclaimed(t);
                }
            });
            return reminders.size() + escalations.size();
        });
    }

    /** A step nobody has claimed is overdue: whoever answers for it is told ({@link UnclaimedStepAnswerers}). */
    private void escalateUnclaimed(Task t) {
        UnclaimedStepAnswerers.Answerers told = mails.teamEscalation(t);
        if (told.people().isEmpty()) {
            inbox.record(
                    "task.overdue-unescalated",
                    t,
                    Map.of(),
                    "nobody has claimed it; nobody it is offered to has an active manager, and no admin is active");
        } else {
            inbox.record(
                    "task.escalated",
                    t,
                    Map.of(),
                    "nobody has claimed it: to " + names(told.people())
                            + (told.admins()
                                    ? ", the admins (nobody it is offered to has an active manager)"
                                    : ", the managers of people it is offered to"));
        }
    }

    /** "Cora Lindqvist and Colin O'Brien"; past five names, "and 7 others". */
    private static String names(List<Person> people) {
        List<String> names = people.stream().map(Person::getFullName).sorted().toList();
        if (names.size() > 5) {
            return String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " others";
        }
        return names.size() == 1
                ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /**
     * The tasks whose assignee can act, and those nobody holds yet (offered to teams or people); the others are
     * released (and so leave the reminder run).
     */
    private List<Task> releaseUnheld(List<Task> due) {
        return due.stream().filter(t -> t.getAssignee() == null || holds(t)).toList();
    }

    private boolean holds(Task t) {
        Optional<String> why = TaskPeople.cannotAct(people.find(t.getAssignee()), t.getAssignee(), "assignee");
        why.ifPresent(reason -> inbox.release(t, reason));
        return why.isEmpty();
    }
}
