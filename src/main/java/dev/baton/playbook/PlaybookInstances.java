package dev.baton.playbook;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlaybookInstances extends JpaRepository<PlaybookInstance, Long> {

    /** Per process id: [processId, running, ended]. */
    @Query(
            "select i.bpmnProcessId, count(i) - count(i.endedAt), count(i.endedAt) from PlaybookInstance i group by i.bpmnProcessId")
    List<Object[]> countsByProcess();

    List<PlaybookInstance> findByBpmnProcessIdOrderByStartedAtDesc(String processId, Pageable page);

    List<PlaybookInstance> findByEndedAtIsNullOrderByStartedAt(Pageable page);

    /** The instances {@code startedBy} started that had not ended when Baton last asked, oldest first. */
    List<PlaybookInstance> findByStartedByAndEndedAtIsNullOrderByStartedAt(String startedBy);

    List<PlaybookInstance> findByBpmnProcessIdAndProcessVersionLessThanAndEndedAtIsNull(String processId, int version);
}
