package dev.baton.engine;

import dev.baton.task.TaskEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The task inbox's view of the engine: user-task jobs are completed and kept locked here. */
@Component
class CamundaTaskEngine implements TaskEngine {

  private final CamundaClient client;

  CamundaTaskEngine(CamundaClient client) {
    this.client = client;
  }

  @Override
  public void complete(long jobKey, Map<String, Object> variables) throws JobGone {
    try {
      client.newCompleteCommand(jobKey).variables(variables).send().join();
    } catch (RuntimeException e) {
      throw goneOrRethrow(jobKey, e);
    }
  }

  @Override
  public void extendLock(long jobKey, Duration duration) throws JobGone {
    try {
      client.newUpdateTimeoutCommand(jobKey).timeout(duration).send().join();
    } catch (RuntimeException e) {
      throw goneOrRethrow(jobKey, e);
    }
  }

  /**
   * NOT_FOUND (gRPC) or 404 (REST) means the job is gone; RESOURCE_EXHAUSTED (429/503) is the
   * broker's back-pressure, which turns a command away before processing it; anything else (a
   * deadline, a dropped connection) may have been carried out: worth a retry, outcome unknown.
   */
  private static JobGone goneOrRethrow(long jobKey, RuntimeException e) {
    boolean gone =
        (e instanceof ClientStatusException s && s.getStatusCode() == Status.Code.NOT_FOUND)
            || (e instanceof ClientHttpException h && h.code() == 404);
    if (gone) {
      return new JobGone(jobKey, e);
    }
    boolean turnedAway =
        (e instanceof ClientStatusException s && s.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED)
            || (e instanceof ClientHttpException h && (h.code() == 429 || h.code() == 503));
    if (turnedAway) {
      throw new NotTaken(jobKey, e);
    }
    throw e;
  }
}
