package dev.baton.engine;

import dev.baton.shared.BadRequestException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
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
                open.get().failedAgain(job.getKey(), deliveries, Instant.now());
                save(open.get());
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

    /**
     * Marks the problem of that job resolved, if it still stands: the job went through ({@link
     * OpenProblemJobs}). A problem's job is the last one that failed for its cause ({@link
     * JobProblem#failedAgain}).
     *
     * @return how many problems it resolved (0 or 1)
     */
    @Modifying
    @Transactional
    @Query("""
            update JobProblem p set p.resolvedAt = :at, p.resolution = :resolution
            where p.jobKey = :jobKey and p.resolvedAt is null""")
    int resolveJob(long jobKey, String resolution, Instant at);

    /** The keys of the jobs whose problem still stands. */
    @Query("select p.jobKey from JobProblem p where p.resolvedAt is null")
    List<Long> findOpenJobKeys();

    /**
     * A failure in words for a problem's message, its first line: a field's message for a {@link
     * BadRequestException}, a job error's own message, the database's own (a constraint, a trigger) for
     * a {@link DataAccessException} (its most specific cause), else the exception's message or, when it
     * has none, its class's name.
     */
    static String reason(Throwable e) {
        if (e instanceof BadRequestException bad && !bad.getFieldErrors().isEmpty()) {
            return String.join("; ", bad.getFieldErrors().values());
        }
        Throwable cause = e instanceof DataAccessException ? NestedExceptionUtils.getMostSpecificCause(e) : e;
        String message = cause instanceof JobError job ? job.getErrorMessage() : cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return message.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse(message)
                .strip();
    }

    boolean existsByJobKey(long jobKey);

    Optional<JobProblem> findFirstByProcessInstanceKeyAndElementIdAndMessageAndResolvedAtIsNull(
            long processInstanceKey, String elementId, String message);

    /** The newest 200, by when they last failed. */
    List<JobProblem> findTop200ByOrderByLastFailedAtDescIdDesc();
}
