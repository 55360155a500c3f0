package dev.baton.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** Which task mails one person wants. No row means the defaults: every mail, no daily digest. */
@Entity
@Table(name = "notification_preference")
public class MailPreference {

    @Id
    Long personId;

    boolean onAssignment = true;
    boolean onTeamTask = true;
    boolean onReminder = true;
    boolean onEscalation = true;
    boolean dailyDigest;
    LocalDate lastDigestOn;

    @Version
    long version;

    protected MailPreference() {}

    MailPreference(Long personId) {
        this.personId = personId;
    }

    public boolean wants(MailKind kind) {
        return switch (kind) {
            case ASSIGNMENT -> onAssignment;
            case TEAM_TASK -> onTeamTask;
            case REMINDER -> onReminder;
            case ESCALATION -> onEscalation;
            case DIGEST -> dailyDigest;
        };
    }

    void choose(boolean assignment, boolean teamTask, boolean reminder, boolean escalation, boolean digest) {
        this.onAssignment = assignment;
        this.onTeamTask = teamTask;
        this.onReminder = reminder;
        this.onEscalation = escalation;
        this.dailyDigest = digest;
    }

    /** Whether this subscriber still has a digest owed for {@code day} (a day in their zone). */
    public boolean digestDueOn(LocalDate day) {
        return dailyDigest && (lastDigestOn == null || lastDigestOn.isBefore(day));
    }

    /** The digest for {@code day} was queued: no second one that day, on any instance. */
    public void digestSent(LocalDate day) {
        this.lastDigestOn = day;
    }

    public Long getPersonId() {
        return personId;
    }
}
