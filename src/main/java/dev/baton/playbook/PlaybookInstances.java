package dev.baton.playbook;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PlaybookInstances extends JpaRepository<PlaybookInstance, Long> {

    /** Per process id: [processId, running, ended]. */
    @Query(
            "select i.bpmnProcessId, count(i) - count(i.endedAt), count(i.endedAt) from PlaybookInstance i group by i.bpmnProcessId")
    List<Object[]> countsByProcess();

    /** The instance, its row locked until the transaction ends: two cancels of one run take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from PlaybookInstance i where i.processInstanceKey = :key")
    Optional<PlaybookInstance> lockById(long key);

    List<PlaybookInstance> findByBpmnProcessIdOrderByStartedAtDesc(String processId, Pageable page);

    List<PlaybookInstance> findByEndedAtIsNullOrderByStartedAt(Pageable page);

    /** The instances {@code startedBy} started that had not ended when Baton last asked, oldest first. */
    List<PlaybookInstance> findByStartedByAndEndedAtIsNullOrderByStartedAt(String startedBy);

    List<PlaybookInstance> findByBpmnProcessIdAndProcessVersionLessThanAndEndedAtIsNull(String processId, int version);
}
