package dev.baton.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.CreationTimestamp;

/**
 * A person's time away (both days included) and who covers for them. It ends by its date alone:
 * nothing has to run when it is over.
 */
@Entity
public class Absence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    Person person;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delegate_id")
    Person delegate;

    @Column(nullable = false)
    LocalDate startsOn;

    @Column(nullable = false)
    LocalDate endsOn;

    String note;

    @Version
    long version;

    @CreationTimestamp
    Instant createdAt;

    protected Absence() {}

    Absence(Person person, Person delegate, LocalDate startsOn, LocalDate endsOn, String note) {
        this.person = person;
        this.delegate = delegate;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.note = note;
    }

    /** Hands the rest of the absence to another cover; the service has judged them fit for its days. */
    void coverWith(Person newDelegate) {
        if (newDelegate.getId().equals(person.getId())) {
            throw new IllegalArgumentException("nobody covers their own absence");
        }
        this.delegate = newDelegate;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public Person getDelegate() {
        return delegate;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getNote() {
        return note;
    }
}
