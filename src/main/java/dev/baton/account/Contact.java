package dev.baton.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A person at a customer account, with their name spelled as they spell it. */
@Entity
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", updatable = false)
    Account account;

    @Column(nullable = false)
    String fullName;

    String title;
    String email;
    String phone;
    String preferences;

    @Column(name = "primary_contact")
    boolean primary;

    Instant lastVerifiedAt;

    /** When the person left the company; the contact is kept for its history. */
    Instant retiredAt;

    /** The customer's internal advocate for us (one per account at most). */
    boolean champion;

    @Version
    long version;

    @CreationTimestamp
    Instant createdAt;

    @UpdateTimestamp
    Instant updatedAt;

    protected Contact() {}

    public Contact(Account account, String fullName, String title, String email, String phone, String preferences) {
        this.account = account;
        update(fullName, title, email, phone, preferences);
    }

    /** {@code email} blank is none (null): "" read as an address nobody can write to (found by probe 47). */
    public void update(String fullName, String title, String email, String phone, String preferences) {
        this.fullName = fullName;
        this.title = title;
        this.email = email == null || email.isBlank() ? null : email;
        this.phone = phone;
        this.preferences = preferences;
    }

    public void markPrimary(boolean primary) {
        if (primary && retiredAt != null) {
            throw new IllegalArgumentException("contact " + id + " left the company and cannot be the primary contact");
        }
        this.primary = primary;
    }

    public void verifiedAt(Instant when) {
        this.lastVerifiedAt = when;
    }

    public void markChampion(boolean champion) {
        if (champion && retiredAt != null) {
            throw new IllegalArgumentException("contact " + id + " left the company and cannot be the champion");
        }
        this.champion = champion;
    }

    /** The person left the company: no longer primary or champion, kept with its history. */
    public void retire(Instant when) {
        if (retiredAt == null) {
            retiredAt = when;
            primary = false;
            champion = false;
        }
    }

    /**
     * Contact data decays: unverified, or not verified within {@code maxAge}. A contact who left the
     * company (retired) is never stale: there is nothing left to verify.
     */
    public boolean isStale(Instant now, Duration maxAge) {
        return retiredAt == null && (lastVerifiedAt == null || lastVerifiedAt.isBefore(now.minus(maxAge)));
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getFullName() {
        return fullName;
    }

    public String getTitle() {
        return title;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getPreferences() {
        return preferences;
    }

    public boolean isPrimary() {
        return primary;
    }

    public Instant getLastVerifiedAt() {
        return lastVerifiedAt;
    }

    public boolean isChampion() {
        return champion;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    public long getVersion() {
        return version;
    }
}
