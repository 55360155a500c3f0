package dev.baton.engine;

import dev.baton.shared.BadRequestException;
import io.camunda.client.exception.JobError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** Baton's own record of the incidents it raised for jobs (see {@link JobProblem}), newest first. */
public interface JobProblems extends JpaRepository<JobProblem, Long> {

    /** The resolution of a problem whose run the engine no longer has (completed, or canceled outside Baton). */
    String RUN_ENDED = "the run ended";

    /**
     * Lists the incident Baton raised for a job ({@code failed}: a new problem of that job, as {@link
     * OpenProblemJobs#list} makes it): once per step and cause, so a job failed again is listed once,
     * and the step failing anew for the reason of a problem still open (retried before its cause was
     * fixed, or another of its jobs: a multi-instance step's parallel instances) counts on that problem
     * ({@link JobProblem#failedAgain}) instead of adding a second identical one. Never throws: the
     * incident stands in the engine even when the database cannot list it.
     */
    default void list(JobProblem failed) {
        try {
            Optional<JobProblem> open = findFirstByProcessInstanceKeyAndElementIdAndMessageAndResolvedAtIsNull(
                    failed.getProcessInstanceKey(), failed.getElementId(), failed.getMessage());
            if (open.isPresent()) {
                open.get().failedAgain(failed.getJobKey(), failed.getDeliveries(), Instant.now());
                save(open.get());
            } else if (!existsByJobKey(failed.getJobKey())) {
                save(failed);
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(JobProblems.class)
                    .error(
                            "incident for job {} raised in the engine but not listed in Baton: {}",
                            failed.getJobKey(),
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
     * The job went through ({@link OpenProblemJobs}): the problem still waiting on it waits on it no
     * longer, and is marked resolved once none of its jobs waits (a multi-instance step's instance
     * going through leaves the problem standing while another instance still waits on the same cause).
     *
     * @return how many problems waited on the job (0 or 1), resolved now or still waiting on others
     */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            update job_problem
            set open_job_keys = array_remove(open_job_keys, cast(:jobKey as bigint)),
                resolved_at = case when cardinality(array_remove(open_job_keys, cast(:jobKey as bigint))) = 0
                                   then cast(:at as timestamptz) end,
                resolution = case when cardinality(array_remove(open_job_keys, cast(:jobKey as bigint))) = 0
                                  then cast(:resolution as text) end
            where resolved_at is null and open_job_keys @> array[cast(:jobKey as bigint)]""")
    int resolveJob(long jobKey, String resolution, Instant at);

    /**
     * Marks resolved every problem still standing in the run: in its own instance, or in one it called
     * ({@link JobProblem#getRunKey}), e.g. once the run was canceled or the engine no longer has it.
     *
     * @param processInstanceKey the run's process instance key (a called instance's resolves its own problems)
     * @param resolution what happened, in words for the admins' page, e.g. "the run was canceled by Maria Rossi"
     * @return how many problems it resolved
     */
    @Modifying
    @Transactional
    @Query("""
            update JobProblem p set p.resolvedAt = :at, p.resolution = :resolution
            where p.resolvedAt is null
              and (p.processInstanceKey = :processInstanceKey or p.runKey = :processInstanceKey)""")
    int resolveRun(long processInstanceKey, String resolution, Instant at);

    /** The keys of the jobs whose problem still stands. */
    @Query(nativeQuery = true, value = "select unnest(open_job_keys) from job_problem where resolved_at is null")
    List<Long> findOpenJobKeys();

    /** The process instances where a problem still stands, that of the oldest first, at most {@code page}'s size of them. */
    @Query("""
            select p.processInstanceKey from JobProblem p where p.resolvedAt is null
            group by p.processInstanceKey order by min(p.lastFailedAt)""")
    List<Long> findOpenInstanceKeys(Pageable page);

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
