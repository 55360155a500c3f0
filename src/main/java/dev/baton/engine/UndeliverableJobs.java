package dev.baton.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * User-task jobs Baton cannot store become visible problems instead of a log line forever: a fault
 * in the model at once, any other failure after {@link #MAX_DELIVERIES} deliveries. The job is
 * failed with no retries left and a readable message (an engine incident, which an operator
 * resolves after fixing the cause), and listed for the admins' page ({@link OpenProblemJobs#list}).
 * Deliveries are counted in memory: a restart only gives a job a few more tries.
 */
@Component
class UndeliverableJobs {

    static final int MAX_DELIVERIES = 3;
    private static final Logger log = LoggerFactory.getLogger(UndeliverableJobs.class);

    private final OpenProblemJobs problems;
    private final Map<Long, Integer> failedDeliveries = new ConcurrentHashMap<>();

    UndeliverableJobs(OpenProblemJobs problems) {
        this.problems = problems;
    }

    /** The job could be stored: forget its earlier failures. */
    void stored(ActivatedJob job) {
        failedDeliveries.remove(job.getKey());
    }

    /** A fault that no further delivery can cure (e.g. a header the model got wrong). */
    void permanent(JobClient jobClient, ActivatedJob job, String message) {
        raise(jobClient, job, 1, message);
    }

    /** A failure that may pass (database down, a clash); raised once it has happened too often. */
    void failed(JobClient jobClient, ActivatedJob job, RuntimeException cause) {
        int deliveries = failedDeliveries.merge(job.getKey(), 1, Integer::sum);
        if (deliveries < MAX_DELIVERIES) {
            log.warn(
                    "user-task job {} not stored yet (delivery {}); the engine offers it again after the activation "
                            + "timeout: {}",
                    job.getKey(),
                    deliveries,
                    cause.toString());
            return;
        }
        failedDeliveries.remove(job.getKey());
        raise(
                jobClient,
                job,
                deliveries,
                "Baton could not store this step as a task after " + deliveries + " deliveries: " + cause.getMessage());
    }

    private void raise(JobClient jobClient, ActivatedJob job, int deliveries, String message) {
        String text = "Step '" + job.getElementId() + "' of playbook '" + job.getBpmnProcessId() + "': " + message;
        log.error("user-task job {} failed as an incident: {}", job.getKey(), text);
        try {
            jobClient
                    .newFailCommand(job.getKey())
                    .retries(0)
                    .errorMessage(text)
                    .send()
                    .join();
        } catch (RuntimeException e) {
            log.warn("could not fail job {} (the engine offers it again): {}", job.getKey(), e.toString());
            return;
        }
        problems.list(job, deliveries, text);
    }
}
