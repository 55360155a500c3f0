package dev.baton.account;

import dev.baton.people.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;

/** A logged call, meeting, email or note: the timeline a successor reads instead of asking again. */
@Entity
public class Interaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", updatable = false)
    Account account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    Contact contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    InteractionKind kind;

    @Column(nullable = false)
    String summary;

    /** Who logged it; null for what Baton logged itself (a lead's assignment carried onto its account). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "by_id")
    Person by;

    @Column(nullable = false)
    Instant occurredAt;

    @CreationTimestamp
    Instant createdAt;

    protected Interaction() {}

    public Interaction(
            Account account, Contact contact, InteractionKind kind, String summary, Person by, Instant occurredAt) {
        if (contact != null && !contact.getAccount().getId().equals(account.getId())) {
            throw new IllegalArgumentException(
                    "contact " + contact.getId() + " does not belong to account " + account.getId());
        }
        this.account = account;
        this.contact = contact;
        this.kind = kind;
        this.summary = summary;
        this.by = by;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public Contact getContact() {
        return contact;
    }

    public InteractionKind getKind() {
        return kind;
    }

    public String getSummary() {
        return summary;
    }

    /** New words for the same entry; false when they are the same. */
    boolean reword(String words) {
        if (words.equals(summary)) {
            return false;
        }
        summary = words;
        return true;
    }

    /** Who logged it; null when Baton logged it itself ({@link #authorName}). */
    public Person getBy() {
        return by;
    }

    /** The full name of who logged it, "Baton" for what Baton logged itself: how people are shown it. */
    public String authorName() {
        return by == null ? BATON : by.getFullName();
    }

    /** The author's name for what Baton logged itself, as the timeline names Baton's own steps. */
    public static final String BATON = "Baton";

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
