package dev.baton.commitment.engine;

import dev.baton.engine.Bpmn;
import dev.baton.commitment.CommitmentDecision;
import dev.baton.commitment.CommitmentProcessSteps;
import dev.baton.commitment.CommitmentStep;
import dev.baton.commitment.engine.CommitmentBpmn.Variables;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The commitment process's service tasks, each one call to {@link CommitmentProcessSteps}. All are
 * idempotent: reading twice gives the same answer; a decision delivered twice meets a newer version
 * (refused, the process reads again); mails carry a dedup key. Public: the SDK invokes them reflectively.
 */
@Component
public class CommitmentWorkers {

  private final CommitmentProcessSteps steps;

  CommitmentWorkers(CommitmentProcessSteps steps) {
    this.steps = steps;
  }

  /** Routes the next step; clears the last form's values so a later task never sees stale ones. */
  @JobWorker(streamEnabled = true, pollInterval = CommitmentBpmn.POLL_INTERVAL_MS, type = CommitmentBpmn.READ_JOB_TYPE, fetchVariables = Bpmn.Variables.COMMITMENT_ID)
  public void read(JobClient client, ActivatedJob job) {
    CommitmentStep s = steps.read(commitmentId(job), job.getProcessInstanceKey());
    Map<String, Object> v = new HashMap<>();
    v.put(Variables.STAGE, s.stage().key());
    v.put(Variables.VERSION, s.version());
    v.put(Bpmn.Variables.ACCOUNT_ID, s.accountId());
    v.put(Variables.OWNER_USERNAME, s.ownerUsername());
    v.put(Variables.MADE_BY_USERNAME, s.madeByUsername());
    v.put(Variables.DELIVERING_TEAM, s.deliveringTeam());
    v.put(Variables.VERIFYING_TEAM, s.verifyingTeam());
    v.put(Variables.ESCALATE_TO_USERNAME, s.escalateToUsername());
    v.put(Variables.DUE_AT, s.dueAt().toString());
    v.put(Variables.REMINDER_AT, s.reminderAt().toString());
    for (String formValue : new String[] {Variables.DECISION, Variables.REASON, Variables.EVIDENCE,
        Variables.NEW_DUE_DATE, Variables.NEW_DESCRIPTION, Variables.NEW_OWNER_USERNAME}) {
      v.put(formValue, null);
    }
    client.newCompleteCommand(job).variables(v).send().join();
  }

  /** A refused decision (bad value, or overtaken by another change) is a BPMN error: the process reads again. */
  @JobWorker(streamEnabled = true, pollInterval = CommitmentBpmn.POLL_INTERVAL_MS, type = CommitmentBpmn.DECIDE_JOB_TYPE)
  public void decide(JobClient client, ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    try {
      steps.decide(commitmentId(job), ((Number) v.get(Variables.VERSION)).longValue(), CommitmentDecision.fromForm(v));
    } catch (BadRequestException | ConflictException refused) {
      client.newThrowErrorCommand(job).errorCode(CommitmentBpmn.ERROR_DECISION_REFUSED)
          .errorMessage(refused.getMessage()).send().join();
      return;
    }
    client.newCompleteCommand(job).send().join();
  }

  @JobWorker(streamEnabled = true, pollInterval = CommitmentBpmn.POLL_INTERVAL_MS, type = CommitmentBpmn.REMIND_JOB_TYPE, fetchVariables = Bpmn.Variables.COMMITMENT_ID)
  public void remind(JobClient client, ActivatedJob job) {
    steps.remind(commitmentId(job));
    client.newCompleteCommand(job).send().join();
  }

  @JobWorker(streamEnabled = true, pollInterval = CommitmentBpmn.POLL_INTERVAL_MS, type = CommitmentBpmn.ESCALATE_JOB_TYPE, fetchVariables = Bpmn.Variables.COMMITMENT_ID)
  public void escalate(JobClient client, ActivatedJob job) {
    steps.escalate(commitmentId(job));
    client.newCompleteCommand(job).send().join();
  }

  private static long commitmentId(ActivatedJob job) {
    return ((Number) job.getVariable(Bpmn.Variables.COMMITMENT_ID)).longValue();
  }
}
