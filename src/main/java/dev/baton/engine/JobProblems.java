package dev.baton.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.data.jpa.repository.JpaRepository;

/** Baton's own record of the incidents it raised for user-task jobs, newest first. */
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

    boolean existsByJobKey(long jobKey);

    List<JobProblem> findTop200ByOrderByCreatedAtDescIdDesc();
}
