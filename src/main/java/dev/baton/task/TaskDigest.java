package dev.baton.task;

import dev.baton.notification.MailPreference;
import dev.baton.notification.MailPreferences;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opt-in daily digest: each subscriber's open tasks, once a day after {@code
 * baton.inbox.digest-after}. Subscribers are claimed with {@code FOR UPDATE SKIP LOCKED} and marked
 * served with the mail queued, so several instances send one digest per person and day. A person
 * with nothing open gets none.
 */
@Service
public class TaskDigest {

    private final MailPreferences preferences;
    private final PeopleLookup people;
    private final Tasks tasks;
    private final TaskMails mails;
    private final InboxSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    TaskDigest(
            MailPreferences preferences,
            PeopleLookup people,
            Tasks tasks,
            TaskMails mails,
            InboxSettings settings,
            Clock clock,
            TransactionTemplate tx) {
        this.preferences = preferences;
        this.people = people;
        this.tasks = tasks;
        this.mails = mails;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
    }

    /** Returns how many subscribers it served (before the day's digest time: none). */
    public int run() {
        if (LocalTime.now(clock).isBefore(settings.digestAfter())) {
            return 0;
        }
        return serve(LocalDate.now(clock));
    }

    /** Serves every subscriber not yet served on {@code day}, whatever the time. */
    int serve(LocalDate day) {
        int served = 0;
        for (int n; (n = batch(day)) > 0; ) {
            served += n;
        }
        return served;
    }

    private int batch(LocalDate today) {
        return tx.execute(status -> {
            List<MailPreference> due = preferences.lockDigestsDue(today, settings.batchSize());
            due.forEach(p -> {
                people.byId(p.getPersonId()).filter(Person::isActive).ifPresent(person -> {
                    List<Task> open =
                            tasks.findByAssigneeAndStatusOrderByDueAtAsc(person.getUsername(), TaskStatus.OPEN);
                    if (!open.isEmpty()) {
                        mails.digest(person, open, today);
                    }
                });
                p.digestSent(today);
            });
            return due.size();
        });
    }
}
