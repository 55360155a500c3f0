package dev.baton.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** Baton's own record of the incidents it raised for jobs (see {@link JobProblem}), newest first. */
public interface JobProblems extends JpaRepository<JobProblem, Long> {

    /**
     * Lists the incident Baton raised for the job (once: a job failed again is listed once). Never
     * throws: the incident stands in the engine even when the database cannot list it.
     */
    default void list(ActivatedJob job, int deliveries, String message) {
        try {
            if (!existsByJobKey(job.getKey())) {
                save(new JobProblem(
                        job.getKey(),
                        job.getProcessInstanceKey(),
                        job.getBpmnProcessId(),
                        job.getElementId(),
                        deliveries,
                        message));
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(JobProblems.class)
                    .error(
                            "incident for job {} raised in the engine but not listed in Baton: {}",
                            job.getKey(),
                            e.toString());
        }
    }

    /**
     * Marks the problems still standing at that step of that instance resolved, e.g. once a manager
     * started a failed transfer again (the engine resolves the incident as the step is restarted).
     *
     * @param resolution what was done, in words for the admins' page
     * @return how many problems it resolved (0 when none was listed, or they were resolved already)
     */
    @Modifying
    @Transactional
    @Query("""
            update JobProblem p set p.resolvedAt = :at, p.resolution = :resolution
            where p.processInstanceKey = :processInstanceKey and p.elementId = :elementId and p.resolvedAt is null""")
    int resolve(long processInstanceKey, String elementId, String resolution, Instant at);

    boolean existsByJobKey(long jobKey);

    List<JobProblem> findTop200ByOrderByCreatedAtDescIdDesc();
}
