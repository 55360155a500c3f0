package dev.baton.lead;

import dev.baton.people.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One thing that happened to a lead: its history, which follows it onto the account it becomes. */
@Entity
public class LeadActivity {

    /** What happened; the names are stored. */
    public enum Kind {
        CREATED,
        ASSIGNED,
        REMINDED,
        ESCALATED,
        REASSIGNED,
        TOUCHED,
        OUTCOME
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false)
    Long leadId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    Kind kind;

    @Column(nullable = false)
    String summary;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "by_id")
    Person by;

    @Column(nullable = false)
    Instant occurredAt;

    protected LeadActivity() {}

    LeadActivity(long leadId, Kind kind, String summary, Person by, Instant occurredAt) {
        this.leadId = leadId;
        this.kind = kind;
        this.summary = summary;
        this.by = by;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSummary() {
        return summary;
    }

    public Person getBy() {
        return by;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
