package dev.baton.task;

import dev.baton.shared.JsonMaps;
import dev.baton.shared.StatusWords;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** One human step of a running playbook, in someone's inbox; one row per user-task job. */
@Entity
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, updatable = false)
    long jobKey;

    long processInstanceKey;
    long elementInstanceKey;
    String bpmnProcessId;
    int processVersion;
    String elementId;
    String name;
    String assignee;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100) // a page of tasks loads its groups in one query, not one per task
    @CollectionTable(name = "task_candidate_group", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "team_key")
    Set<String> candidateGroups = new LinkedHashSet<>();

    /** User names offered the task besides the candidate groups' members (the model's candidate users). */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "task_candidate_user", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "username")
    Set<String> candidateUsers = new LinkedHashSet<>();

    /** Why the people the model named do not hold the task (unknown, inactive), or null. */
    String unassignedReason;

    /**
     * The keys of the teams it waits for in the admins' unassigned work: it was offered only to them and none had
     * an active member ({@link UnstaffedTeamSteps}); null when it waits for nothing. Data, not the reason's words
     * (session 47 read those back with regular expressions, which a team's name or a clipped reason could break).
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    List<String> waitingForTeams;

    /** What its reason says besides the teams it waits for, kept when it goes back to them; null for nothing. */
    String reasonOnceStaffed;

    /** The business id variable's value when it is no Baton account (a CRM id, an unknown number). */
    String accountRef;

    String processName;
    /** The form as deployed when it is not one of Baton's by key (linked by form id, embedded). */
    String formSchema;

    String formKey;

    @Mutability(Immutability.class)
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> formVariables;

    Instant dueAt;
    Instant followUpAt;
    Long accountId;
    String subjectType;
    Long subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    TaskStatus status = TaskStatus.OPEN;

    @Mutability(Immutability.class)
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> outcome;

    String completedBy;
    Instant completedAt;

    @Column(nullable = false)
    Instant lockExpiresAt;

    String originalAssignee;
    String delegatedBy;
    boolean ownReminders;
    /** The BPMN escalates the step itself once it is late (header {@code baton:ownEscalation}). */
    boolean ownEscalation;
    /** A completion was sent and its answer lost: the engine may have it (see {@link TaskEngineSync}). */
    boolean completionOutcomeUnknown;

    Instant remindedAt;
    Instant escalatedAt;
    /** An instance is calling the engine for this row until then (see {@link TaskEngineSync}). */
    Instant syncLeaseUntil;

    int syncAttempts;
    Instant nextSyncAt;
    /** Why the engine refused the last completion for good; the task went back to its assignee. */
    String completionRefusal;

    @Version
    long version;

    @CreationTimestamp
    Instant createdAt;

    @UpdateTimestamp
    Instant updatedAt;

    protected Task() {}

    /**
     * @param people who holds and who is offered the task, resolved by the inbox from what the model
     *     names; {@code people.reason()} says what of it could not be used
     * @param knownAccount false when the spec's account id is no Baton account: it is kept as text
     */
    Task(TaskSpec spec, TaskPeople.Resolved people, boolean knownAccount, Instant lockExpiresAt) {
        this.jobKey = spec.jobKey();
        this.processInstanceKey = spec.processInstanceKey();
        this.elementInstanceKey = spec.elementInstanceKey();
        this.bpmnProcessId = spec.bpmnProcessId();
        this.processVersion = spec.processVersion();
        this.elementId = spec.elementId();
        this.name = spec.name();
        this.assignee = people.assignee();
        this.candidateGroups.addAll(people.candidateGroups());
        this.candidateUsers.addAll(people.candidateUsers());
        this.unassignedReason = people.reason();
        if (!people.waitingFor().isEmpty()) {
            this.waitingForTeams = List.copyOf(people.waitingFor());
            this.reasonOnceStaffed = people.reasonOnceStaffed();
        }
        this.processName = spec.processName();
        this.formSchema = spec.formSchema();
        this.accountRef = spec.accountRef();
        this.formKey = spec.formKey();
        this.dueAt = spec.dueAt();
        this.followUpAt = spec.followUpAt();
        this.accountId = knownAccount ? spec.accountId() : null;
        if (!knownAccount && spec.accountId() != null) {
            this.accountRef = String.valueOf(spec.accountId());
        }
        if (spec.subject() != null) {
            this.subjectType = spec.subject().type();
            this.subjectId = spec.subject().id();
        }
        this.lockExpiresAt = lockExpiresAt;
        this.ownReminders = spec.ownReminders();
        this.ownEscalation = spec.ownEscalation();
    }

    public boolean isOpen() {
        return status == TaskStatus.OPEN;
    }

    public boolean isCandidate(Set<String> teams) {
        return candidateGroups.stream().anyMatch(teams::contains);
    }

    /** Offered to this person by name (a candidate user). */
    public boolean isCandidateUser(String username) {
        return candidateUsers.contains(username);
    }

    /** Open, with no assignee and no one offered it: it waits in the admins' "unassigned work" queue. */
    public boolean isUnheld() {
        return status == TaskStatus.OPEN && assignee == null && candidateGroups.isEmpty() && candidateUsers.isEmpty();
    }

    void claim(String username) {
        requireOpen("claimed");
        if (assignee != null && !assignee.equals(username)) {
            throw new TaskConflict(this, "is already claimed by " + assignee);
        }
        assignee = username;
        stopWaiting(); // an admin took it out of unassigned work by hand: it stays theirs
    }

    void unclaim() {
        requireOpen("unclaimed");
        if (candidateGroups.isEmpty() && candidateUsers.isEmpty()) {
            throw new TaskConflict(this, "has no candidate team or candidate users to go back to");
        }
        assignee = null;
        // back with its team as it arrived: nobody handed it on any more (probe 46: it still said "handed on by"
        // and stayed in the delegator's "Delegated by me" with no holder); its history keeps who held it
        originalAssignee = null;
        delegatedBy = null;
    }

    /**
     * The task moves to {@code to}; the first person it was for stays on record. {@code by} is its holder
     * handing it on (shown in their "delegated" list), or null when someone else moved it (a manager, an
     * admin: see {@code TaskAssignments}) or nobody held it.
     */
    void handOver(String to, String by) {
        requireOpen("handed over");
        if (to.equals(assignee)) {
            throw new TaskConflict(this, "is already with " + to);
        }
        if (originalAssignee == null) {
            originalAssignee = assignee;
        }
        assignee = to;
        delegatedBy = by;
        stopWaiting(); // placed by hand: it stays with its holder when its teams have someone again
    }

    /** The assignee is away: the task goes to their cover before anyone sees it. */
    void coveredBy(String delegate) {
        originalAssignee = assignee;
        assignee = delegate;
    }

    /**
     * Its assignee can no longer hold it (e.g. deactivated): it goes back to its candidates, or to the
     * unassigned queue; who it was for stays on record.
     */
    void release(String reason) {
        requireOpen("released");
        if (originalAssignee == null) {
            originalAssignee = assignee;
        }
        assignee = null;
        unassignedReason = reason;
    }

    /**
     * Nobody can claim it any more: each team it is offered to ({@code teams}) has lost its last active member, and
     * nobody it is offered to by name can act on it. It goes to the admins' unassigned work, with why ({@code
     * reason}, which names the teams: {@link TaskPeople#unstaffed}), and waits there for those teams; {@code
     * otherwise} is what the reason says besides, kept when it goes back to them (null: nothing).
     */
    void offeredToNobody(Set<String> teams, String reason, String otherwise) {
        requireOpen("sent to unassigned work");
        candidateGroups.clear();
        candidateUsers.clear();
        unassignedReason = reason;
        waitingForTeams = List.copyOf(teams);
        reasonOnceStaffed = otherwise;
    }

    /**
     * Offered to {@code teams} again (one of those it waits for has an active member now), out of the unassigned
     * work; its reason says only what else it said ({@link #offeredToNobody}'s {@code otherwise}).
     */
    void offeredAgain(Set<String> teams) {
        requireOpen("offered to its teams again");
        candidateGroups.addAll(teams);
        unassignedReason = reasonOnceStaffed;
        stopWaiting();
    }

    private void stopWaiting() {
        waitingForTeams = null;
        reasonOnceStaffed = null;
    }

    void reminded(Instant at) {
        remindedAt = at;
    }

    void escalated(Instant at) {
        escalatedAt = at;
    }

    /** The person has completed it; the engine's job completion is still owed. */
    void complete(String username, Map<String, Object> values, Instant at) {
        requireOpen("completed");
        status = TaskStatus.COMPLETING;
        outcome = JsonMaps.copyOf(values);
        completedBy = username;
        completedAt = at;
        completionRefusal = null;
        stopWaiting();
        syncAttempts = 0;
        nextSyncAt = at;
    }

    /**
     * Taken for an engine call until {@code until}; no other instance calls the engine for it meanwhile.
     * A lease still set was never released: its holder died during its call (kill -9 mid-completion),
     * so that completion may have reached the engine, and a job found gone now was completed by it.
     */
    void lease(Instant until) {
        if (syncLeaseUntil != null && status == TaskStatus.COMPLETING) {
            completionOutcomeUnknown = true;
        }
        syncLeaseUntil = until;
    }

    void releaseLease() {
        syncLeaseUntil = null;
    }

    /** An engine call failed in a way a retry may mend: the next one waits longer (10 s doubling, at most 10 min). */
    void syncFailed(Instant now) {
        syncAttempts++;
        long seconds = syncAttempts <= 1 ? 0 : Math.min(600, 10L << Math.min(syncAttempts - 2, 10));
        nextSyncAt = now.plusSeconds(seconds);
    }

    /**
     * The engine refused the completion for a reason no retry mends (values too large, invalid): the
     * task goes back to its assignee, open, with the reason, so it is neither stuck nor silently lost.
     */
    void completionRefused(String reason) {
        if (status == TaskStatus.COMPLETING) {
            status = TaskStatus.OPEN;
            completionRefusal = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
            completedBy = null;
            completedAt = null;
            completionOutcomeUnknown = false;
        }
    }

    /** Why the engine refused this task's last completion, or null. */
    public String getCompletionRefusal() {
        return completionRefusal;
    }

    public int getSyncAttempts() {
        return syncAttempts;
    }

    /** A completion went out and no answer came back: the engine may or may not have taken it. */
    void completionOutcomeUnknown() {
        completionOutcomeUnknown = true;
    }

    boolean isCompletionOutcomeUnknown() {
        return completionOutcomeUnknown;
    }

    void confirmCompleted() {
        if (status == TaskStatus.COMPLETING) {
            status = TaskStatus.COMPLETED;
        }
    }

    /**
     * The engine no longer waits for the step. An answer still on its way to the engine (COMPLETING)
     * was never taken, so the task keeps none of it: no outcome, nobody who completed it.
     */
    void cancel() {
        if (status == TaskStatus.COMPLETING) {
            outcome = null;
            completedBy = null;
            completedAt = null;
            completionOutcomeUnknown = false;
        }
        if (status == TaskStatus.OPEN || status == TaskStatus.COMPLETING) {
            status = TaskStatus.CANCELED;
        }
        stopWaiting(); // withdrawn: it waits for nobody (and leaves the index of those waiting)
    }

    void lockedUntil(Instant until) {
        this.lockExpiresAt = until;
    }

    /**
     * @throws TaskConflict "task 67 (Review account health) is completed and cannot be completed"; for a step its
     *     process took away, what happened: since session 39 the embedded engine's cancellations withdraw a step
     *     within seconds, so someone answering from a page still open meets this rather than {@link TaskWithdrawn}
     */
    void requireOpen(String change) {
        if (status == TaskStatus.CANCELED) {
            throw new TaskConflict(
                    this,
                    "was withdrawn by its process (a deadline passed, it was escalated or reassigned, or the process"
                            + " was canceled) and cannot be " + change + " any more");
        }
        if (status != TaskStatus.OPEN) {
            throw new TaskConflict(this, "is " + StatusWords.phrase(status) + " and cannot be " + change);
        }
    }

    public Long getId() {
        return id;
    }

    public long getJobKey() {
        return jobKey;
    }

    public long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public long getElementInstanceKey() {
        return elementInstanceKey;
    }

    public String getBpmnProcessId() {
        return bpmnProcessId;
    }

    public int getProcessVersion() {
        return processVersion;
    }

    public String getElementId() {
        return elementId;
    }

    public String getName() {
        return name;
    }

    public String getAssignee() {
        return assignee;
    }

    public Set<String> getCandidateGroups() {
        return Set.copyOf(candidateGroups);
    }

    public Set<String> getCandidateUsers() {
        return Set.copyOf(candidateUsers);
    }

    public String getUnassignedReason() {
        return unassignedReason;
    }

    /** The keys of the teams it waits for in the admins' unassigned work ({@link #offeredToNobody}); empty: none. */
    public Set<String> getWaitingForTeams() {
        return waitingForTeams == null ? Set.of() : Set.copyOf(waitingForTeams);
    }

    /** The business id the model gave when it is no Baton account, or null. */
    public String getAccountRef() {
        return accountRef;
    }

    /** The playbook's name from its model, or null. */
    public String getProcessName() {
        return processName;
    }

    /** The Camunda Forms JSON the task was created with, or null when its form is one of Baton's by key. */
    public String getFormSchema() {
        return formSchema;
    }

    /** The variables the task's form reads, as the job brought them (empty when it reads none). */
    public Map<String, Object> getFormVariables() {
        return formVariables == null ? Map.of() : JsonMaps.view(formVariables);
    }

    void keepFormVariables(Map<String, Object> variables) {
        this.formVariables = variables.isEmpty() ? null : JsonMaps.copyOf(variables);
    }

    public String getFormKey() {
        return formKey;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getFollowUpAt() {
        return followUpAt;
    }

    public Long getAccountId() {
        return accountId;
    }

    /** What else the task is about (a commitment, a handover), or null. */
    public TaskSubject getSubject() {
        return subjectType == null || subjectId == null ? null : new TaskSubject(subjectType, subjectId);
    }

    public TaskStatus getStatus() {
        return status;
    }

    public Map<String, Object> getOutcome() {
        return JsonMaps.view(outcome);
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getLockExpiresAt() {
        return lockExpiresAt;
    }

    public String getOriginalAssignee() {
        return originalAssignee;
    }

    public String getDelegatedBy() {
        return delegatedBy;
    }

    public boolean hasOwnReminders() {
        return ownReminders;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
