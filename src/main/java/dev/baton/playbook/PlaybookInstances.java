package dev.baton.playbook;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface PlaybookInstances extends JpaRepository<PlaybookInstance, Long> {

    /** Per process id: [processId, running, ended], of the runs started on their own (not called by another run). */
    @Query("select i.bpmnProcessId, count(i) - count(i.endedAt), count(i.endedAt) from PlaybookInstance i"
            + " where i.calledBy is null group by i.bpmnProcessId")
    List<Object[]> countsByProcess();

    /**
     * Per process id: [processId, how many of its running instances are among {@code keys}], for the
     * stuck runs. {@code keys}: a PostgreSQL array literal ({@link dev.baton.shared.SqlArrays#ofIds}),
     * one parameter however many instances an engine incident holds.
     */
    @Query(
            value = "select bpmn_process_id, count(*) from playbook_instance"
                    + " where ended_at is null and called_by is null"
                    + " and process_instance_key = any(cast(:keys as bigint[]))"
                    + " group by bpmn_process_id",
            nativeQuery = true)
    List<Object[]> runningCountsByProcessAmong(String keys);

    /** The running instances among {@code keys} (as {@link #runningCountsByProcessAmong}), newest first. */
    @Query(
            value = "select * from playbook_instance where ended_at is null and called_by is null"
                    + " and process_instance_key = any(cast(:keys as bigint[]))"
                    + " and (cast(:processId as varchar) is null or bpmn_process_id = :processId)"
                    + " order by started_at desc, process_instance_key desc limit :limit",
            nativeQuery = true)
    List<PlaybookInstance> findRunningAmong(String keys, String processId, int limit);

    /** The instance, its row locked until the transaction ends: two cancels of one run take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from PlaybookInstance i where i.processInstanceKey = :key")
    Optional<PlaybookInstance> lockById(long key);

    /** The runs of the process started on their own (not called by another run), newest first. */
    List<PlaybookInstance> findByBpmnProcessIdAndCalledByIsNullOrderByStartedAtDesc(String processId, Pageable page);

    /** The runs {@code caller} called, oldest first. */
    List<PlaybookInstance> findByCalledByOrderByStartedAt(long caller);

    /**
     * Records a run the engine started itself ({@link EngineStartedRuns}); nothing when it is recorded
     * already (a launch's own record, or a second look at the same start).
     *
     * @return 1 when recorded now, else 0
     */
    @Transactional
    @Modifying
    @Query(
            value = "insert into playbook_instance (process_instance_key, bpmn_process_id, process_version,"
                    + " process_definition_key, started_at, started_how, called_by)"
                    + " values (:key, :processId, :version, :definitionKey, :at, :how, :calledBy)"
                    + " on conflict (process_instance_key) do nothing",
            nativeQuery = true)
    int insertIfAbsent(
            long key, String processId, int version, long definitionKey, Instant at, String how, Long calledBy);

    List<PlaybookInstance> findByEndedAtIsNullOrderByStartedAt(Pageable page);

    /**
     * Marks ended, at {@code at}, those of the instances that were not yet (the engine said it no longer
     * has them); its own short transaction, so callers ask the engine with none open (issue 15).
     *
     * @return how many were marked
     */
    @Transactional
    @Modifying
    @Query("update PlaybookInstance i set i.endedAt = :at where i.processInstanceKey in :keys and i.endedAt is null")
    int markEnded(Collection<Long> keys, Instant at);

    /** The instances {@code startedBy} started that had not ended when Baton last asked, oldest first. */
    List<PlaybookInstance> findByStartedByAndEndedAtIsNullOrderByStartedAt(String startedBy);

    List<PlaybookInstance> findByBpmnProcessIdAndProcessVersionLessThanAndEndedAtIsNullAndCalledByIsNull(
            String processId, int version);
}
