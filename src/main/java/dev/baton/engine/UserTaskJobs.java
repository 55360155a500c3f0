package dev.baton.engine;

import dev.baton.task.Task;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSettings;
import dev.baton.task.TaskSpec;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The human-task bridge: the engine's user-task jobs become task rows in Baton's inbox.
 *
 * <p>A job is activated with the short {@code baton.tasks.activation-timeout}; only once its row is
 * committed is the job's timeout extended to {@code lock-duration} (and renewed by {@link
 * TaskHousekeeping}). So a crash between activation and the row's commit hides the task only until
 * the short timeout runs out, after which the engine hands the job out again. Delivery is
 * at-least-once: a job delivered again finds its row (keyed by the job key) and changes nothing,
 * except that a completion still owed for it is retried.
 *
 * <p>The worker is opened here rather than with {@code @JobWorker}, because its timeout comes from
 * the typed {@link TaskSettings}.
 */
@Configuration(proxyBeanMethods = false)
class UserTaskJobs {

    private static final Logger log = LoggerFactory.getLogger(UserTaskJobs.class);

    @Bean(destroyMethod = "close")
    JobWorker userTaskJobWorker(
            CamundaClient client,
            TaskSettings settings,
            TaskService tasks,
            TaskEngineSync sync,
            ProcessModels models,
            UndeliverableJobs undeliverable) {
        return client.newWorker()
                .jobType(Bpmn.USER_TASK_JOB_TYPE)
                .handler((JobClient jobClient, ActivatedJob job) ->
                        deliver(jobClient, job, tasks, sync, models, undeliverable))
                .timeout(settings.activationTimeout())
                .name("baton-inbox")
                // all of them: a step's form reads variables of its own (the rows keep only those)
                .streamEnabled(true)
                // not the service workers' slow fallback poll: a step handed back by a busy stream
                // must still reach the inbox at once
                .pollInterval(Duration.ofMillis(100))
                .open();
    }

    /**
     * Never throws (the client would fail the job with one retry less, silently, until an incident
     * without a word from Baton). When storing the row fails (database down, a clash), the job is left
     * alone and the engine hands it out again once the short activation timeout runs out; after a few
     * such deliveries, or at once for headers that cannot be read (a fault in the model), {@link
     * UndeliverableJobs} raises an incident with a readable message and lists it for admins.
     */
    private static void deliver(
            JobClient jobClient,
            ActivatedJob job,
            TaskService tasks,
            TaskEngineSync sync,
            ProcessModels models,
            UndeliverableJobs undeliverable) {
        TaskSpec spec;
        try {
            spec = UserTaskHeaders.toSpec(job, models);
        } catch (RuntimeException e) {
            undeliverable.permanent(
                    jobClient, job, "the model's settings for this step cannot be read: " + e.getMessage());
            return;
        }
        try {
            store(job, spec, tasks, sync);
            undeliverable.stored(job);
        } catch (RuntimeException e) {
            undeliverable.failed(jobClient, job, e);
        }
    }

    private static void store(ActivatedJob job, TaskSpec spec, TaskService tasks, TaskEngineSync sync) {
        Task task;
        try {
            task = tasks.upsert(spec, job.getVariablesAsMap());
        } catch (DataIntegrityViolationException raced) {
            // another instance inserted the row for the same job between our look-up and insert
            log.debug("job {} delivered twice at once; using the other delivery's row", job.getKey());
            task = tasks.upsert(spec, job.getVariablesAsMap());
        }
        sync.settleDelivered(task);
        sync.cancelWithdrawnSiblings(task);
    }
}
