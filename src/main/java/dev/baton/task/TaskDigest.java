package dev.baton.task;

import dev.baton.notification.MailPreference;
import dev.baton.notification.MailPreferences;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opt-in daily digest: each subscriber's open tasks, once a day at the first run after {@code
 * baton.inbox.digest-after} on the subscriber's own clock (their zone, see {@link TimeZones#of}; a
 * region zone, so the same local hour across daylight-saving changes). Candidates are read without
 * locks; the due ones are claimed with {@code FOR UPDATE SKIP LOCKED}, checked again and marked served
 * for their local day with the mail queued, so several instances send one digest per person and
 * local day. A person with nothing open gets none.
 */
@Service
public class TaskDigest {

    /** The zone whose calendar day is the latest anywhere: nobody can be due on a later day. */
    private static final ZoneOffset LATEST = ZoneOffset.ofHours(14);

    private final MailPreferences preferences;
    private final PeopleLookup people;
    private final Tasks tasks;
    private final TaskMails mails;
    private final TimeZones zones;
    private final InboxSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    TaskDigest(
            MailPreferences preferences,
            PeopleLookup people,
            Tasks tasks,
            TaskMails mails,
            TimeZones zones,
            InboxSettings settings,
            Clock clock,
            TransactionTemplate tx) {
        this.preferences = preferences;
        this.people = people;
        this.tasks = tasks;
        this.mails = mails;
        this.zones = zones;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
    }

    /** Returns how many subscribers it served (those whose local digest time has not come: none). */
    public int run() {
        return run(clock.instant());
    }

    /**
     * Serves every subscriber whose local time at {@code now} is past the digest time and who has not
     * had the digest of their local day. Pages through all candidates by person id, so it ends even
     * when the remaining ones are not due yet where they are.
     */
    int run(Instant now) {
        LocalDate latestDay = LocalDate.ofInstant(now, LATEST);
        int served = 0;
        long after = 0;
        for (List<MailPreference> page;
                !(page = preferences.digestCandidates(latestDay, after, settings.batchSize())).isEmpty(); ) {
            after = page.getLast().getPersonId();
            Map<Long, LocalDate> due = new HashMap<>();
            for (MailPreference p : page) {
                ZonedDateTime local = now.atZone(zones.ofPerson(p.getPersonId()));
                if (!local.toLocalTime().isBefore(settings.digestAfter()) && p.digestDueOn(local.toLocalDate())) {
                    due.put(p.getPersonId(), local.toLocalDate());
                }
            }
            if (!due.isEmpty()) {
                served += batch(due);
            }
        }
        return served;
    }

    /** {@code due}: person id to the local day whose digest they are owed. */
    private int batch(Map<Long, LocalDate> due) {
        return tx.execute(status -> {
            List<MailPreference> claimed = preferences.lockDigestSubscribers(due.keySet()).stream()
                    .filter(p -> p.digestDueOn(due.get(p.getPersonId()))) // else another instance served it
                    .toList();
            claimed.forEach(p -> {
                LocalDate today = due.get(p.getPersonId());
                people.byId(p.getPersonId()).filter(Person::isActive).ifPresent(person -> {
                    List<Task> open =
                            tasks.findByAssigneeAndStatusOrderByDueAtAsc(person.getUsername(), TaskStatus.OPEN);
                    if (!open.isEmpty()) {
                        mails.digest(person, open, today);
                    }
                });
                p.digestSent(today);
            });
            return claimed.size();
        });
    }
}
