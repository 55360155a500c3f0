package dev.baton.account;

import dev.baton.people.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** A customer organisation: its owner, account team, and (through other tables) its story. */
@Entity
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    Person owner;

    @ManyToMany
    @JoinTable(
            name = "account_team_member",
            joinColumns = @JoinColumn(name = "account_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    Set<Person> accountTeam = new LinkedHashSet<>();

    String segment;
    String territory;
    LocalDate renewalDate;
    LocalDate churnedOn;

    @Version
    long version;

    @CreationTimestamp
    Instant createdAt;

    @UpdateTimestamp
    Instant updatedAt;

    protected Account() {}

    public Account(String name, Person owner, String segment, String territory, LocalDate renewalDate) {
        this.name = name;
        this.segment = segment;
        this.territory = territory;
        this.renewalDate = renewalDate;
        transferTo(owner);
    }

    public void update(String name, String segment, String territory, LocalDate renewalDate) {
        this.name = name;
        this.segment = segment;
        this.territory = territory;
        this.renewalDate = renewalDate;
    }

    /** The customer renewed: the next term ends on {@code next}, which must come after the current renewal date. */
    public void renew(LocalDate next) {
        if (churnedOn != null) {
            throw new IllegalArgumentException("account " + id + " churned on " + churnedOn + " and cannot renew");
        }
        if (next == null || (renewalDate != null && !next.isAfter(renewalDate))) {
            throw new IllegalArgumentException("the next renewal date must come after " + renewalDate);
        }
        renewalDate = next;
    }

    /** The customer did not renew: the account stays, with its history, marked churned on {@code on}. */
    public void churn(LocalDate on) {
        if (churnedOn == null) {
            churnedOn = on;
        }
    }

    /** Only an active person may own an account. */
    public void transferTo(Person newOwner) {
        if (newOwner != null && !newOwner.isActive()) {
            throw new IllegalArgumentException(newOwner.getUsername() + " is inactive and cannot own an account");
        }
        this.owner = newOwner;
    }

    public void replaceAccountTeam(Set<Person> members) {
        accountTeam.clear();
        accountTeam.addAll(members);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Person getOwner() {
        return owner;
    }

    public Set<Person> getAccountTeam() {
        return Set.copyOf(accountTeam);
    }

    public String getSegment() {
        return segment;
    }

    public String getTerritory() {
        return territory;
    }

    public LocalDate getRenewalDate() {
        return renewalDate;
    }

    /** The day the customer was recorded as not renewing, or null while it is a customer. */
    public LocalDate getChurnedOn() {
        return churnedOn;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
