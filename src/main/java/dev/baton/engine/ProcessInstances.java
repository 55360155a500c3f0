package dev.baton.engine;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Starts playbooks (deployed BPMN processes) by process id; the latest deployed version runs. */
@Service
public class ProcessInstances {

  private final CamundaClient client;

  ProcessInstances(CamundaClient client) {
    this.client = client;
  }

  /** Returns the new process instance's key. */
  public long start(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }
}
