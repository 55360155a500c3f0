package dev.baton.people;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** An employee who signs in to Baton: a rep, manager, customer-success person or admin. */
@Entity
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, updatable = false)
    String username;

    @Column(nullable = false)
    String email;

    @Column(nullable = false)
    String fullName;

    @Column(nullable = false)
    String passwordHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    Team team;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    Person manager;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100) // a page of people loads their roles in one query, not one per person
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    Set<Role> roles = EnumSet.noneOf(Role.class);

    boolean active = true;

    /** An IANA region id (e.g. Europe/Berlin), or null for the company's default: see {@link TimeZones}. */
    String timeZone;

    /**
     * Browser sessions signed in before this are over (null: none ended yet): see {@link #endSessions}.
     * Compared only with the value a session read at sign-in ({@link SignedInPerson}), never with a clock.
     */
    Instant sessionsValidFrom;

    @Version
    long version;

    @CreationTimestamp
    Instant createdAt;

    @UpdateTimestamp
    Instant updatedAt;

    protected Person() {}

    public Person(String username, String fullName, String email, String passwordHash, Set<Role> roles) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** A person cannot be their own manager, directly or through the reporting line. */
    public void reportTo(Person newManager) {
        for (Person p = newManager; p != null; p = p.manager) {
            if (p == this || (id != null && id.equals(p.id))) {
                throw new IllegalArgumentException(getFullName() + " cannot report to " + newManager.getFullName()
                        + ": that would make a reporting loop");
            }
        }
        this.manager = newManager;
    }

    public void joinTeam(Team newTeam) {
        this.team = newTeam;
    }

    public void update(String fullName, String email, Set<Role> roles) {
        this.fullName = fullName;
        this.email = email;
        // changed in place, and only when it differs: a new collection is a change to Hibernate (its
        // rows rewritten, a new version) even when it holds the same roles
        if (!this.roles.equals(roles)) {
            this.roles.clear();
            this.roles.addAll(roles);
        }
    }

    /** @param zone an IANA region id already checked by {@link TimeZones#region}, or null for the company's */
    public void moveToTimeZone(String zone) {
        this.timeZone = zone;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /** A new password ends every browser session signed in with the old one ({@link #endSessions}). */
    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        endSessions();
    }

    /** Also ends their sessions: reactivated before a session's next request, it still stays out. */
    public void deactivate() {
        this.active = false;
        endSessions();
    }

    /**
     * Every browser session the person has signed in is signed out at its next request (OWASP's session
     * management advice after a password change; the one that changed it signs in afresh, see {@code
     * PasswordPages}). HTTP Basic is stateless and needs nothing: it presents the password every call.
     */
    void endSessions() {
        // what PostgreSQL keeps: the entity holds what every session reads back
        this.sessionsValidFrom = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public void activate() {
        this.active = true;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Team getTeam() {
        return team;
    }

    public Person getManager() {
        return manager;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
