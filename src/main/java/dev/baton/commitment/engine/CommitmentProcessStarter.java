package dev.baton.commitment.engine;

import dev.baton.engine.Bpmn;
import dev.baton.commitment.CommitmentEvents;
import dev.baton.commitment.CommitmentProcessSteps;
import dev.baton.commitment.engine.CommitmentBpmn.Variables;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Connects the commitment feature's events to the engine, after their transaction committed.
 *
 * <p>Starts go through the message start event with the commitment id as correlation key: Zeebe
 * creates no second instance while one for the same key is active, so the after-commit start and
 * the sweep (for a crash between commit and start, and for commitments older than the process) may
 * both fire. Changes made outside the process interrupt its waiting task by message; the message
 * lives a few seconds, so a change landing while the process sits between two steps still reaches it.
 */
@Component
class CommitmentProcessStarter {

  private static final Logger log = LoggerFactory.getLogger(CommitmentProcessStarter.class);
  static final Duration CHANGE_TTL = Duration.ofSeconds(10);
  static final int SWEEP_BATCH = 100;
  /** A change's own after-commit message normally clears it within this; the sweep leaves younger ones alone. */
  static final Duration SIGNAL_GRACE = Duration.ofMinutes(1);

  private final CamundaClient client;
  private final CommitmentProcessSteps steps;

  CommitmentProcessStarter(CamundaClient client, CommitmentProcessSteps steps) {
    this.client = client;
    this.steps = steps;
  }

  /** The sweep on a schedule; off in tests (which call {@link #sweep()}), as the shared demo book would flood the engine. */
  @Component
  @ConditionalOnProperty(name = "baton.commitments.sweep-on-schedule", havingValue = "true", matchIfMissing = true)
  static class Schedule {
    private final CommitmentProcessStarter starter;

    Schedule(CommitmentProcessStarter starter) {
      this.starter = starter;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${baton.commitments.sweep-every:PT5M}")
    void sweep() {
      try {
        starter.sweep();
      } catch (RuntimeException e) {
        // the engine is down or busy: the next run picks up what this one could not
        log.warn("commitment sweep stopped early, next run in the schedule retries: {}", e.toString());
      }
    }
  }

  @TransactionalEventListener
  void recorded(CommitmentEvents.Recorded event) {
    try {
      start(event);
    } catch (RuntimeException engineDown) {
      log.warn("commitment {}: process not started now, the sweep will ({})", event.commitmentId(), engineDown.toString());
    }
  }

  @TransactionalEventListener
  void changed(CommitmentEvents.Changed event) {
    try {
      signal(event);
    } catch (RuntimeException engineDown) {
      log.warn("commitment {}: change not signalled now, the sweep will ({})", event.commitmentId(), engineDown.toString());
    }
  }

  /**
   * The message carries the change's id as its message id: sent again (by the sweep, after a lost
   * answer), the engine drops the repeat while it still holds the first; later, the process merely
   * re-reads an unchanged commitment.
   */
  private void signal(CommitmentEvents.Changed event) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.OWNER_USERNAME, event.ownerUsername());
    try {
      client.newPublishMessageCommand().messageName(CommitmentBpmn.MESSAGE_CHANGED)
          .correlationKey(String.valueOf(event.commitmentId())).messageId(event.signalId())
          .timeToLive(CHANGE_TTL).variables(variables).send().join();
    } catch (ClientStatusException | ClientHttpException e) {
      boolean alreadyHeld = e instanceof ClientStatusException s ? s.getStatusCode() == Status.Code.ALREADY_EXISTS
          : ((ClientHttpException) e).code() == 409;
      if (!alreadyHeld) {
        throw e;
      }
    }
    steps.changeSignalled(event.commitmentId(), event.signalId());
  }

  /**
   * Open commitments without a process get one (in id order, so a start whose first step has not yet
   * run is not met again in the same sweep). Then the owner invariant: a running process whose open
   * commitment has no active owner is sent to its assign-owner task, which the owner-missing message
   * cannot interrupt, so a violation found again never opens a second task.
   */
  void sweep() {
    sweep(null);
  }

  /** The sweep over one account's commitments only (null: all): tests share the database with the demo book. */
  void sweep(Long accountId) {
    long after = 0;
    List<CommitmentEvents.Recorded> batch;
    do {
      batch = steps.withoutProcess(after, SWEEP_BATCH, accountId);
      batch.forEach(this::start);
      after = batch.isEmpty() ? after : batch.getLast().commitmentId();
    } while (batch.size() == SWEEP_BATCH);
    steps.withoutActiveOwner(accountId).forEach(id ->
        publish(CommitmentBpmn.MESSAGE_OWNER_MISSING, id, Map.of(), Duration.ZERO));
    steps.owingChangeSignal(SIGNAL_GRACE, accountId).forEach(this::signal);
  }

  private void start(CommitmentEvents.Recorded event) {
    publish(CommitmentBpmn.MESSAGE_RECORDED, event.commitmentId(),
        Map.of(Bpmn.Variables.COMMITMENT_ID, event.commitmentId(), Bpmn.Variables.ACCOUNT_ID, event.accountId()),
        Duration.ZERO);
  }

  private void publish(String message, long commitmentId, Map<String, Object> variables, Duration ttl) {
    client.newPublishMessageCommand().messageName(message).correlationKey(String.valueOf(commitmentId))
        .timeToLive(ttl).variables(variables).send().join();
  }
}
