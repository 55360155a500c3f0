package dev.baton.commitment.engine;

import dev.baton.engine.Bpmn;
import dev.baton.commitment.SalesHandoff;
import dev.baton.commitment.engine.HandoffBpmn.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The handoff's service tasks, one {@link SalesHandoff} call each; reads, or an idempotent hand-over. */
@Component
public class HandoffWorkers {

  private final SalesHandoff handoff;

  HandoffWorkers(SalesHandoff handoff) {
    this.handoff = handoff;
  }

  @JobWorker(streamEnabled = true, pollInterval = CommitmentBpmn.POLL_INTERVAL_MS, type = HandoffBpmn.COLLECT_JOB_TYPE, fetchVariables = Bpmn.Variables.ACCOUNT_ID)
  public void collect(JobClient client, ActivatedJob job) {
    client.newCompleteCommand(job)
        .variables(Map.of(Variables.COMMITMENT_IDS, handoff.commitmentsToHandOver(id(job, Bpmn.Variables.ACCOUNT_ID))))
        .send().join();
  }

  @JobWorker(streamEnabled = true, pollInterval = CommitmentBpmn.POLL_INTERVAL_MS, type = HandoffBpmn.CHECK_JOB_TYPE, fetchVariables = Bpmn.Variables.COMMITMENT_ID)
  public void check(JobClient client, ActivatedJob job) {
    client.newCompleteCommand(job)
        .variables(Map.of(Variables.SETTLED, handoff.settled(id(job, Bpmn.Variables.COMMITMENT_ID)))).send().join();
  }

  @JobWorker(streamEnabled = true, pollInterval = CommitmentBpmn.POLL_INTERVAL_MS, type = HandoffBpmn.ASSIGN_CS_OWNER_JOB_TYPE,
      fetchVariables = {Bpmn.Variables.ACCOUNT_ID, Variables.REP_USERNAME, Variables.CS_OWNER_USERNAME})
  public void assignCsOwner(JobClient client, ActivatedJob job) {
    handoff.handToCustomerSuccess(id(job, Bpmn.Variables.ACCOUNT_ID), (String) job.getVariable(Variables.REP_USERNAME),
        (String) job.getVariable(Variables.CS_OWNER_USERNAME));
    client.newCompleteCommand(job).send().join();
  }

  private static long id(ActivatedJob job, String variable) {
    return ((Number) job.getVariable(variable)).longValue();
  }
}
