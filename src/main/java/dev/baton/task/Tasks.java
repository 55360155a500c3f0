package dev.baton.task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface Tasks extends JpaRepository<Task, Long>, JpaSpecificationExecutor<Task>, TaskPaging {

    /** Those among {@code assignees} (user names) who hold at least one task in {@code status}. */
    @Query("select distinct t.assignee from Task t where t.assignee in :assignees and t.status = :status")
    List<String> findAssigneesAmong(Collection<String> assignees, TaskStatus status);

    /** One row, or none; several only after a broker reset handed the key out again (see TaskService#upsert). */
    // the queries of every task's delivery and completion are JPQL: Hibernate 6.6 caches a JPQL
    // string's SQL but translates a derived (criteria) query anew on every call
    @Query("select t from Task t where t.jobKey = :jobKey")
    List<Task> findByJobKey(long jobKey);

    List<Task> findByProcessInstanceKeyAndStatusOrderById(long processInstanceKey, TaskStatus status);

    /**
     * The open tasks of the process instances that hold, or held, a task about one of the subjects, each
     * with that subject's id: (subject id, task) rows, oldest task first; a run with several tasks about the
     * subject gives each of its open tasks once per such task (no {@code distinct}: a task's JSON columns).
     */
    @Query("select s.subjectId, t from Task s, Task t where s.subjectType = :type and s.subjectId in :ids"
            + " and t.processInstanceKey = s.processInstanceKey and t.status = dev.baton.task.TaskStatus.OPEN"
            + " order by t.id")
    List<Object[]> findOpenInRunsAbout(String type, Collection<Long> ids);

    /** The tasks of these jobs still open or with an answer on its way (see TaskEngineSync#settleCanceled). */
    @Query("select t from Task t where t.jobKey in :jobKeys and t.status in"
            + " (dev.baton.task.TaskStatus.OPEN, dev.baton.task.TaskStatus.COMPLETING)")
    List<Task> findUnsettledByJobKeyIn(Collection<Long> jobKeys);

    @Query(
            "select t from Task t where t.processInstanceKey = :processInstanceKey and t.status = :status and t.id <> :id")
    List<Task> findByProcessInstanceKeyAndStatusAndIdNot(long processInstanceKey, TaskStatus status, Long id);

    // Row locks that other app instances skip: each owed engine call is made by one instance only.

    // Row locks held only while a lease is taken (see TaskEngineSync): rows leased by another instance are skipped.

    @Query(
            value = "select * from task where id = :id and status = 'COMPLETING'"
                    + " and (sync_lease_until is null or sync_lease_until < :now) for update skip locked",
            nativeQuery = true)
    Optional<Task> lockCompletingById(long id, Instant now);

    @Query(
            value = "select * from task where id = :id and status = 'OPEN'"
                    + " and (sync_lease_until is null or sync_lease_until < :now) for update skip locked",
            nativeQuery = true)
    Optional<Task> lockOpenById(long id, Instant now);

    @Query(
            value = "select * from task where status = 'COMPLETING' and (next_sync_at is null or next_sync_at <= :now)"
                    + " and (sync_lease_until is null or sync_lease_until < :now)"
                    + " order by completed_at limit :limit for update skip locked",
            nativeQuery = true)
    List<Task> lockCompleting(Instant now, int limit);

    @Query(
            value = "select * from task where status = 'OPEN' and lock_expires_at < :before"
                    + " and (sync_lease_until is null or sync_lease_until < :now)"
                    + " order by lock_expires_at limit :limit for update skip locked",
            nativeQuery = true)
    List<Task> lockOpenExpiringBefore(Instant before, Instant now, int limit);

    /**
     * Somebody holds the task, or it is offered to teams or people by name (nobody has claimed it): who is
     * reminded and told when it is late. The unassigned queue's tasks (nobody holds them or is offered them) are
     * the admins' to place already.
     */
    String HELD_OR_OFFERED = "(assignee is not null"
            + " or exists (select 1 from task_candidate_group g where g.task_id = task.id)"
            + " or exists (select 1 from task_candidate_user u where u.task_id = task.id))";

    /**
     * Open tasks due after {@code now} and before {@code before}, held or offered, that Baton has not
     * reminded of yet (and whose BPMN does not). One already overdue gets no reminder, which would name a past date: the
     * escalation is its next word, and one born overdue was told so by its assignment mail.
     */
    @Query(
            value = "select * from task where status = 'OPEN' and " + HELD_OR_OFFERED + " and not own_reminders"
                    + " and reminded_at is null and due_at > :now and due_at < :before"
                    + " order by due_at limit :limit for update skip locked",
            nativeQuery = true)
    List<Task> lockReminderDue(Instant now, Instant before, int limit);

    /**
     * Open tasks due before {@code before}, held or offered, that Baton has not escalated yet (and whose BPMN
     * does not).
     */
    @Query(
            value = "select * from task where status = 'OPEN' and " + HELD_OR_OFFERED + " and not own_reminders"
                    + " and not own_escalation and escalated_at is null and due_at < :before"
                    + " order by due_at limit :limit for update skip locked",
            nativeQuery = true)
    List<Task> lockEscalationDue(Instant before, int limit);

    /** Open tasks nobody has claimed, offered to one of the teams {@code teamKeys} (perhaps to others too). */
    @Query(
            value = "select * from task where status = 'OPEN' and assignee is null and exists"
                    + " (select 1 from task_candidate_group g where g.task_id = task.id and g.team_key in (:teamKeys))"
                    + " order by id",
            nativeQuery = true)
    List<Task> findOpenUnclaimedOfferedTo(Collection<String> teamKeys);

    /**
     * Open steps nobody holds that wait in the admins' unassigned work for one of the teams {@code teamKeys} ({@link
     * Task#getWaitingForTeams}), by the partial index of V98.
     */
    default List<Task> findWaitingFor(Collection<String> teamKeys) {
        return findWaitingForAny(teamKeys.toArray(String[]::new));
    }

    /**
     * {@link #findWaitingFor}, the keys bound as one array: a collection is spread into {@code (?, ?)}, which inside
     * {@code array[...]} made one record of two keys, so a change naming two teams (a move from one to another)
     * found nothing (reprobe 47).
     */
    @Query(
            value = "select * from task where status = 'OPEN' and assignee is null"
                    + " and waiting_for_teams && cast(:teamKeys as text[]) order by id",
            nativeQuery = true)
    List<Task> findWaitingForAny(String[] teamKeys);

    List<Task> findByAssigneeAndStatusOrderByDueAtAsc(String assignee, TaskStatus status);

    @Query("select t from Task t where t.assignee = :assignee and t.status = :status and t.accountId = :accountId")
    List<Task> findByAssigneeAndStatusAndAccountId(String assignee, TaskStatus status, Long accountId);

    List<Task> findByAssigneeAndStatusAndSubjectTypeAndSubjectId(
            String assignee, TaskStatus status, String subjectType, Long subjectId);

    long countByAssigneeAndStatus(String assignee, TaskStatus status);

    /** How many open tasks {@code assignee} holds on the accounts {@code accountIds}. */
    @Query("select count(t) from Task t where t.assignee = :assignee and t.status = dev.baton.task.TaskStatus.OPEN"
            + " and t.accountId in :accountIds")
    long countOpenByAssigneeOnAccounts(String assignee, Collection<Long> accountIds);

    /** An account's tasks in one status, soonest due first (e.g. the open ones for a handover note's draft). */
    List<Task> findByAccountIdAndStatusOrderByDueAtAsc(Long accountId, TaskStatus status);

    List<Task> findByAccountIdAndStatusAndCreatedAtGreaterThanEqualOrderById(
            Long accountId, TaskStatus status, Instant since);

    List<Task> findByAccountIdIsNullAndStatusAndCreatedAtGreaterThanEqualOrderById(TaskStatus status, Instant since);

    List<Task> findBySubjectTypeAndSubjectIdAndStatusOrderById(String subjectType, Long subjectId, TaskStatus status);

    /** The newest task at one element about a subject and an account, whatever its status. */
    Optional<Task> findFirstBySubjectTypeAndSubjectIdAndAccountIdAndElementIdOrderByIdDesc(
            String subjectType, Long subjectId, Long accountId, String elementId);

    /** The open tasks about a subject that concern one of {@code accountIds} or no account (one page of a handover). */
    @Query(
            "select t from Task t where t.subjectType = :type and t.subjectId = :id and t.status = dev.baton.task.TaskStatus.OPEN"
                    + " and (t.accountId is null or t.accountId in :accountIds) order by t.id")
    List<Task> findOpenAboutAccounts(String type, Long id, java.util.Collection<Long> accountIds);

    /** Each playbook that has tasks: rows of [process id, its name from the model (null if none)]. */
    @Query("select t.bpmnProcessId, max(t.processName) from Task t group by t.bpmnProcessId")
    List<Object[]> findPlaybookNames();
}
