package dev.baton.lead;

import dev.baton.people.Person;
import dev.baton.shared.StatusWords;
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
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * A person at a company that marketing found (source, campaign, score), worked by one owner at a
 * time. State changes are guarded here: a closed lead (meeting booked, disqualified, recycled)
 * changes no more, and only an open one is assigned or touched.
 */
@Entity
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String company;

    @Column(nullable = false)
    String personName;

    String email;
    String phone;

    @Column(nullable = false)
    String source;

    String campaign;
    Integer score;
    String territory;
    String firstTouchSla;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    LeadStatus status = LeadStatus.NEW;

    String outcomeReason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    Person owner;

    Instant assignedAt;
    int assignmentCount;
    Instant firstTouchDueAt;
    Instant firstTouchedAt;
    Instant closedAt;
    Long accountId;
    Long contactId;
    Long processInstanceKey;
    String externalSource;
    String externalId;

    @Version
    long version;

    @CreationTimestamp
    Instant createdAt;

    @UpdateTimestamp
    Instant updatedAt;

    protected Lead() {}

    /** @param firstTouchSla an ISO-8601 duration already checked, or null for the source's SLA */
    public Lead(
            String company,
            String personName,
            String email,
            String phone,
            String source,
            String campaign,
            Integer score,
            String territory,
            String firstTouchSla) {
        this.firstTouchSla = firstTouchSla;
        changeDetails(company, personName, email, phone, source, campaign, score, territory);
    }

    /** The lead's details, as created or imported again (the status and owner stay); one of e-mail and phone is required. */
    void changeDetails(
            String company,
            String personName,
            String email,
            String phone,
            String source,
            String campaign,
            Integer score,
            String territory) {
        if (email == null && phone == null) {
            throw new IllegalArgumentException("a lead needs an e-mail address or a phone number");
        }
        this.company = company;
        this.personName = personName;
        this.email = email;
        this.phone = phone;
        this.source = source;
        this.campaign = campaign;
        this.score = score;
        this.territory = territory;
    }

    void importedFrom(String source, String id) {
        this.externalSource = source;
        this.externalId = id;
    }

    /**
     * The follow-up process's assignment number {@code round + 1} goes to {@code owner} at {@code at},
     * whose first touch would be due at {@code touchDueAt} (the SLA counted from {@code at} in their
     * working hours). The first one sets the first-touch due time that the trust report and the campaign
     * figures judge by. A later one (a handover, a lead given back) restarts it for the new owner while
     * the lead is untouched and still within it, so nobody is handed a lead about to be overdue; once the
     * first touch is made or the due time has passed, the outcome is decided and a move leaves it (a
     * reassignment never wipes out a missed SLA, {@link LeadStatistics} counts it for who missed it).
     */
    void assign(Person newOwner, Instant at, Instant touchDueAt) {
        requireOpen("assigned");
        this.owner = newOwner;
        this.assignedAt = at;
        this.assignmentCount++;
        if (firstTouchDueAt == null || (firstTouchedAt == null && at.isBefore(firstTouchDueAt))) {
            this.firstTouchDueAt = touchDueAt;
        }
    }

    /** The owner reached the person: the first time counts for the SLA. */
    void touch(Instant at) {
        requireOpen("worked");
        if (firstTouchedAt == null) {
            firstTouchedAt = at;
        }
        if (status == LeadStatus.NEW) {
            status = LeadStatus.WORKING;
        }
    }

    /** Final: meeting booked, disqualified (with {@code reason}) or recycled to marketing. */
    void close(LeadStatus outcome, String reason, Instant at) {
        if (!outcome.closed()) {
            throw new IllegalArgumentException(outcome + " is not an outcome");
        }
        if (outcome == LeadStatus.DISQUALIFIED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a disqualified lead needs a reason");
        }
        requireOpen("closed as " + outcome);
        this.status = outcome;
        this.outcomeReason = reason;
        this.closedAt = at;
    }

    void keepReason(String reason) {
        requireOpen("given a reason");
        this.outcomeReason = reason;
    }

    void converted(long account, long contact) {
        this.accountId = account;
        this.contactId = contact;
    }

    void startedAs(long instance) {
        this.processInstanceKey = instance;
    }

    private void requireOpen(String what) {
        if (status.closed()) {
            throw new IllegalLeadTransition(
                    "lead " + id + " is " + StatusWords.phrase(status) + " and cannot be " + what);
        }
    }

    public Long getId() {
        return id;
    }

    public String getCompany() {
        return company;
    }

    public String getPersonName() {
        return personName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getSource() {
        return source;
    }

    public String getCampaign() {
        return campaign;
    }

    public Integer getScore() {
        return score;
    }

    public String getTerritory() {
        return territory;
    }

    public String getFirstTouchSla() {
        return firstTouchSla;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public Person getOwner() {
        return owner;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public int getAssignmentCount() {
        return assignmentCount;
    }

    public Instant getFirstTouchDueAt() {
        return firstTouchDueAt;
    }

    public Instant getFirstTouchedAt() {
        return firstTouchedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getContactId() {
        return contactId;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public String getExternalSource() {
        return externalSource;
    }

    public String getExternalId() {
        return externalId;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
