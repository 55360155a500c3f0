package dev.baton.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** Baton's own record of the incidents it raised for jobs (see {@link JobProblem}), newest first. */
public interface JobProblems extends JpaRepository<JobProblem, Long> {

    /**
     * Lists the incident Baton raised for the job: once per step and cause, so a job failed again is
     * listed once, and the step failing anew for the reason of a problem still open (retried before
     * its cause was fixed) counts on that problem ({@link JobProblem#failedAgain}) instead of adding a
     * second identical one. Never throws: the incident stands in the engine even when the database
     * cannot list it.
     */
    default void list(ActivatedJob job, int deliveries, String message) {
        try {
            Optional<JobProblem> open = findFirstByProcessInstanceKeyAndElementIdAndMessageAndResolvedAtIsNull(
                    job.getProcessInstanceKey(), job.getElementId(), message);
            if (open.isPresent()) {
                if (open.get().failedAgain(job.getKey(), deliveries, Instant.now())) {
                    save(open.get());
                }
            } else if (!existsByJobKey(job.getKey())) {
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
     * Marks the problems still standing at that step of that instance resolved, e.g. once a failed
     * transfer went through (started again by its manager, or its incident resolved in the engine).
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

    Optional<JobProblem> findFirstByProcessInstanceKeyAndElementIdAndMessageAndResolvedAtIsNull(
            long processInstanceKey, String elementId, String message);

    /** The newest 200, by when they last failed. */
    List<JobProblem> findTop200ByOrderByLastFailedAtDescIdDesc();
}
