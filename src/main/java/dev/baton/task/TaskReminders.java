package dev.baton.task;

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
                mails.reminder(t);
                t.reminded(now);
                inbox.record("task.reminded", t, Map.of());
            });
            List<Task> escalations = tasks.lockEscalationDue(now.minus(settings.escalateAfter()), settings.batchSize());
            releaseUnheld(escalations).forEach(t -> {
                boolean sent = mails.escalation(t);
                t.escalated(now);
                inbox.record(sent ? "task.escalated" : "task.overdue-unescalated", t, Map.of());
            });
            return reminders.size() + escalations.size();
        });
    }

    /** The tasks whose assignee can act; the others are released (and so leave the reminder run). */
    private List<Task> releaseUnheld(List<Task> due) {
        return due.stream()
                .filter(t -> {
                    Optional<String> why =
                            TaskPeople.cannotAct(people.find(t.getAssignee()), t.getAssignee(), "assignee");
                    why.ifPresent(reason -> inbox.release(t, reason));
                    return why.isEmpty();
                })
                .toList();
    }
}
