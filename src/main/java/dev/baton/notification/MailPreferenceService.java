package dev.baton.notification;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.audit.AuditLog;
import dev.baton.audit.Changes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a person's mail choices; senders ask {@link #wants} before queueing a mail. */
@Service
public class MailPreferenceService {

    /** What a person chose; the defaults when they never did. Sent in full: a missing choice is a 400, not "off". */
    public record Choices(
            @JsonProperty(required = true) boolean onAssignment,
            @JsonProperty(required = true) boolean onReminder,
            @JsonProperty(required = true) boolean onEscalation,
            @JsonProperty(required = true) boolean dailyDigest) {}

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

    @Transactional(readOnly = true)
    public Choices of(long personId) {
        MailPreference p = preference(personId);
        return new Choices(
                p.wants(MailKind.ASSIGNMENT),
                p.wants(MailKind.REMINDER),
                p.wants(MailKind.ESCALATION),
                p.wants(MailKind.DIGEST));
    }

    @Transactional
    public Choices choose(long personId, Choices c) {
        Choices before = of(personId);
        MailPreference p =
                preferences.findById(personId).orElseGet(() -> preferences.save(new MailPreference(personId)));
        p.choose(c.onAssignment(), c.onReminder(), c.onEscalation(), c.dailyDigest());
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
                "onReminder",
                c.onReminder(),
                "onEscalation",
                c.onEscalation(),
                "dailyDigest",
                c.dailyDigest());
    }
}
