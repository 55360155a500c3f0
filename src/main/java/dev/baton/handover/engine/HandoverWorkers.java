package dev.baton.handover.engine;

import dev.baton.handover.HandoverClosing;
import dev.baton.handover.HandoverService;
import dev.baton.handover.HandoverSteps;
import dev.baton.handover.InvalidSuccessor;
import dev.baton.handover.engine.HandoverBpmn.Jobs;
import dev.baton.handover.engine.HandoverBpmn.Vars;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The handover processes' automated steps. Each reads ids (and a form's fields) from the job, makes
 * ONE call to the handover services, which are idempotent, and completes the job with only the new
 * variables. A completion lost in a crash makes the engine deliver the job again; the second run
 * changes nothing and completes it. Public because the Spring SDK invokes these reflectively.
 */
@Component
public class HandoverWorkers {

  private static final Logger log = LoggerFactory.getLogger(HandoverWorkers.class);

  /**
   * Jobs are pushed (streamed) to these workers; polling is only the fallback for jobs the stream
   * missed (e.g. created before it opened), so it need not hammer the engine every 100 ms.
   */
  static final long FALLBACK_POLL_MS = 5_000;


  private final HandoverService handovers;
  private final HandoverSteps steps;
  private final HandoverClosing closing;

  HandoverWorkers(HandoverService handovers, HandoverSteps steps, HandoverClosing closing) {
    this.handovers = handovers;
    this.steps = steps;
    this.closing = closing;
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.RECORD_START, fetchVariables = Vars.HANDOVER_ID)
  public void recordStart(JobClient client, ActivatedJob job) {
    handovers.started(handover(job), job.getProcessInstanceKey());
    complete(client, job, Map.of());
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.PREPARE, fetchVariables = Vars.ITEM_ID)
  public void prepare(JobClient client, ActivatedJob job) {
    HandoverSteps.AccountStart s = steps.prepare(item(job));
    Map<String, Object> vars = new HashMap<>();
    vars.put(Vars.ACCOUNT_ID, s.accountId());
    vars.put(Vars.HANDOVER_ID, s.handoverId());
    vars.put(Vars.DEPARTING, s.departing());
    vars.put(Vars.NOTE_AUTHOR, s.departing()); // the effective-date timer hands authorship to the manager
    vars.put(Vars.MANAGER, s.manager());
    vars.put(Vars.SUCCESSOR, s.successor());
    vars.put(Vars.NOTE_DUE_AT, s.noteDueAt().toString());
    vars.put(Vars.INTRO_OPT_OUT, s.introOptOut());
    complete(client, job, vars);
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.RECORD_SUCCESSOR, fetchVariables = {Vars.ITEM_ID, Vars.SUCCESSOR})
  public void recordSuccessor(JobClient client, ActivatedJob job) {
    try {
      String chosen = steps.chooseSuccessor(item(job), (String) job.getVariablesAsMap().get(Vars.SUCCESSOR));
      complete(client, job, Map.of(Vars.SUCCESSOR, chosen));
    } catch (InvalidSuccessor unusable) {
      client.newThrowErrorCommand(job).errorCode(HandoverBpmn.INVALID_SUCCESSOR_ERROR)
          .errorMessage(unusable.getMessage()).send().join();
    }
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.SAVE_NOTE)
  public void saveNote(JobClient client, ActivatedJob job) {
    // The task page stores the note when the author completes the step (HandoverTaskAnswers), so
    // its text stays out of the engine. Only a step completed around Baton (another client, or an
    // instance from before that change) still carries the fields; they are stored here.
    Map<String, Object> vars = job.getVariablesAsMap();
    if (HandoverSteps.NOTE_FIELDS.stream().anyMatch(f -> vars.get(f) != null)) {
      Map<String, Object> note = new LinkedHashMap<>();
      HandoverSteps.NOTE_FIELDS.forEach(f -> note.put(f, vars.get(f)));
      steps.saveNote(item(job), note, (String) vars.get(Vars.NOTE_AUTHOR));
    }
    complete(client, job, Map.of());
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.TRANSFER, fetchVariables = Vars.ITEM_ID)
  public void transfer(JobClient client, ActivatedJob job) {
    steps.transferOwnership(item(job));
    complete(client, job, Map.of());
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.RECORD_ACKNOWLEDGEMENT, fetchVariables = {Vars.ITEM_ID, Vars.ACKNOWLEDGEMENT, Vars.QUESTION})
  public void recordAcknowledgement(JobClient client, ActivatedJob job) {
    Map<String, Object> vars = job.getVariablesAsMap();
    HandoverSteps.Acknowledged a =
        steps.acknowledge(item(job), "ask".equals(vars.get(Vars.ACKNOWLEDGEMENT)), (String) vars.get(Vars.QUESTION));
    Map<String, Object> out = new HashMap<>(Map.of(Vars.QUESTION_OPEN, a.questionOpen()));
    if (!a.questionOpen()) {
      out.put(Vars.INTRO_CALL_DUE_AT, a.introCallDueAt().toString());
      out.put(Vars.INTRO_REMINDER_AT, a.introReminderAt().toString());
    }
    complete(client, job, out);
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.SAVE_ANSWER, fetchVariables = {Vars.ITEM_ID, Vars.ANSWER})
  public void saveAnswer(JobClient client, ActivatedJob job) {
    steps.saveAnswer(item(job), (String) job.getVariablesAsMap().get(Vars.ANSWER));
    complete(client, job, Map.of());
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.SEND_INTRO, fetchVariables = Vars.ITEM_ID)
  public void sendIntroduction(JobClient client, ActivatedJob job) {
    steps.sendIntroduction(item(job));
    complete(client, job, Map.of());
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.REMIND_CALL, fetchVariables = {Vars.ITEM_ID, Vars.INTRO_CALL_DUE_AT})
  public void remindIntroCall(JobClient client, ActivatedJob job) {
    steps.remindIntroCall(item(job), callDue(job));
    complete(client, job, Map.of());
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.ESCALATE_CALL, fetchVariables = {Vars.ITEM_ID, Vars.INTRO_CALL_DUE_AT})
  public void escalateIntroCall(JobClient client, ActivatedJob job) {
    steps.escalateIntroCall(item(job), callDue(job));
    complete(client, job, Map.of());
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.RECORD_CALL, fetchVariables = {Vars.ITEM_ID, Vars.CALL_SUMMARY})
  public void recordIntroCall(JobClient client, ActivatedJob job) {
    Object summary = job.getVariablesAsMap().get(Vars.CALL_SUMMARY);
    steps.recordIntroCall(item(job), summary == null ? null : summary.toString());
    complete(client, job, Map.of());
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.CHECK_ORPHANS, fetchVariables = Vars.HANDOVER_ID)
  public void checkOrphans(JobClient client, ActivatedJob job) {
    complete(client, job, Map.of(Vars.ORPHANS, closing.orphans(handover(job)).total()));
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.SEND_SUMMARY, fetchVariables = Vars.HANDOVER_ID)
  public void sendSummary(JobClient client, ActivatedJob job) {
    closing.complete(handover(job));
    complete(client, job, Map.of());
  }

  @JobWorker(streamEnabled = true, pollInterval = FALLBACK_POLL_MS, type = Jobs.SETTLE_LEAVE, fetchVariables = {Vars.HANDOVER_ID, Vars.OWNERSHIP_AFTER_LEAVE})
  public void settleLeave(JobClient client, ActivatedJob job) {
    closing.settleLeave(handover(job), "return".equals(job.getVariablesAsMap().get(Vars.OWNERSHIP_AFTER_LEAVE)));
    complete(client, job, Map.of());
  }

  /**
   * Sent without waiting: the business change is committed already, and a completion that gets lost
   * only means the job comes back and the idempotent step runs again.
   */
  private static void complete(JobClient client, ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job).variables(variables).send().exceptionally(failure -> {
      log.warn("could not complete job {} ({}); the engine will deliver it again", job.getKey(), job.getType(), failure);
      return null;
    });
  }

  private static long item(ActivatedJob job) {
    return ((Number) job.getVariablesAsMap().get(Vars.ITEM_ID)).longValue();
  }

  private static long handover(ActivatedJob job) {
    return ((Number) job.getVariablesAsMap().get(Vars.HANDOVER_ID)).longValue();
  }

  private static Instant callDue(ActivatedJob job) {
    return Instant.parse((String) job.getVariablesAsMap().get(Vars.INTRO_CALL_DUE_AT));
  }
}
