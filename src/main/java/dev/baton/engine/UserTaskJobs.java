package dev.baton.engine;

import dev.baton.engine.Bpmn.Variables;
import dev.baton.task.Task;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSettings;
import dev.baton.task.TaskSpec;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
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
  JobWorker userTaskJobWorker(CamundaClient client, TaskSettings settings, TaskService tasks, TaskEngineSync sync) {
    return client.newWorker()
        .jobType(Bpmn.USER_TASK_JOB_TYPE)
        .handler((JobClient jobClient, ActivatedJob job) -> deliver(job, tasks, sync))
        .timeout(settings.activationTimeout())
        .name("baton-inbox")
        .fetchVariables(Variables.ACCOUNT_ID, Variables.SUBJECT_ID)
        .streamEnabled(true)
        .open();
  }

  /**
   * Never fails the job: a failed user-task job loses a retry and, after the last, becomes an
   * incident that hides the human step. When storing the row fails (database down, a clash), the
   * job is left alone and the engine hands it out again once the short activation timeout runs out.
   * Only headers that cannot be read (a fault in the model) fail it, so the incident shows the fault.
   */
  private static void deliver(ActivatedJob job, TaskService tasks, TaskEngineSync sync) {
    TaskSpec spec = UserTaskHeaders.toSpec(job);
    try {
      store(job, spec, tasks, sync);
    } catch (RuntimeException e) {
      log.warn("user-task job {} not stored yet; the engine offers it again after the activation timeout: {}",
          job.getKey(), e.toString());
    }
  }

  private static void store(ActivatedJob job, TaskSpec spec, TaskService tasks, TaskEngineSync sync) {
    Task task;
    try {
      task = tasks.upsert(spec);
    } catch (DataIntegrityViolationException raced) {
      // another instance inserted the row for the same job between our look-up and insert
      log.debug("job {} delivered twice at once; using the other delivery's row", job.getKey());
      task = tasks.upsert(spec);
    }
    sync.settleDelivered(task);
    sync.cancelWithdrawnSiblings(task);
  }
}
