package dev.baton.notification;

import dev.baton.audit.AuditLog;
import dev.baton.audit.Changes;
import dev.baton.shared.RequiredBoolean;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a person's mail choices; senders ask {@link #wants} before queueing a mail. */
@Service
public class MailPreferenceService {

    /** What a person chose; the defaults when they never did. Sent in full: a missing choice is a 400, not "off". */
    public record Choices(
            @RequiredBoolean boolean onAssignment,

            @RequiredBoolean boolean onTeamTask,

            @RequiredBoolean boolean onReminder,

            @RequiredBoolean boolean onEscalation,

            @RequiredBoolean boolean dailyDigest) {}

    private final MailPreferences preferences;
    private final AuditLog audit;

    MailPreferenceService(MailPreferences preferences, AuditLog audit) {
        this.preferences = preferences;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public boolean wants(long personId, MailKind kind) {
        return preference(personId).wants(kind);
    }

    /**
     * Who among {@code personIds} wants mails of {@code kind}, in one query however many they are (a
     * step offered to a big team): a person who never chose anything has the defaults.
     *
     * @return the ids of those who want it; empty for no ids
     */
    @Transactional(readOnly = true)
    public Set<Long> wanting(Collection<Long> personIds, MailKind kind) {
        Map<Long, MailPreference> chosen = preferences.findAllById(personIds).stream()
                .collect(Collectors.toMap(MailPreference::getPersonId, p -> p));
        return personIds.stream()
                .filter(id -> chosen.getOrDefault(id, new MailPreference(id)).wants(kind))
                .collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    public Choices of(long personId) {
        MailPreference p = preference(personId);
        return new Choices(
                p.wants(MailKind.ASSIGNMENT),
                p.wants(MailKind.TEAM_TASK),
                p.wants(MailKind.REMINDER),
                p.wants(MailKind.ESCALATION),
                p.wants(MailKind.DIGEST));
    }

    @Transactional
    public Choices choose(long personId, Choices c) {
        Choices before = of(personId);
        MailPreference p =
                preferences.findById(personId).orElseGet(() -> preferences.save(new MailPreference(personId)));
        p.choose(c.onAssignment(), c.onTeamTask(), c.onReminder(), c.onEscalation(), c.dailyDigest());
        audit.record("mail-preferences.changed", "person", personId, null, fields(before), fields(c));
        return c;
    }

    private MailPreference preference(long personId) {
        return preferences.findById(personId).orElseGet(() -> new MailPreference(personId));
    }

    private static java.util.Map<String, Object> fields(Choices c) {
        return Changes.fields(
                "onAssignment",
                c.onAssignment(),
                "onTeamTask",
                c.onTeamTask(),
                "onReminder",
                c.onReminder(),
                "onEscalation",
                c.onEscalation(),
                "dailyDigest",
                c.dailyDigest());
    }
}
