package dev.baton.commitment.engine;

import dev.baton.commitment.CommitmentEvents;
import dev.baton.commitment.engine.CommitmentBpmn.Variables;
import dev.baton.engine.Bpmn;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The commitment process's messages, each correlated by the commitment id; safe to send again. */
@Component
class CommitmentMessages {

    /** A change message lives a few seconds, so one landing while the process sits between two steps still reaches it. */
    static final Duration CHANGE_TTL = Duration.ofSeconds(10);

    private final CamundaClient client;

    CommitmentMessages(CamundaClient client) {
        this.client = client;
    }

    /** Starts the commitment's process; dropped by the engine while one for the commitment runs. */
    void recorded(CommitmentEvents.Recorded event) {
        publish(
                CommitmentBpmn.MESSAGE_RECORDED,
                event.commitmentId(),
                Map.of(
                        Bpmn.Variables.COMMITMENT_ID,
                        event.commitmentId(),
                        Bpmn.Variables.ACCOUNT_ID,
                        event.accountId()),
                Duration.ZERO);
    }

    /**
     * The message carries the change's id as its message id: delivered again (by the registry, after a
     * lost answer), the engine drops the repeat while it still holds the first; later, the process
     * merely re-reads an unchanged commitment.
     */
    void changed(CommitmentEvents.Changed event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.OWNER_USERNAME, event.ownerUsername());
        try {
            client.newPublishMessageCommand()
                    .messageName(CommitmentBpmn.MESSAGE_CHANGED)
                    .correlationKey(String.valueOf(event.commitmentId()))
                    .messageId(event.signalId())
                    .timeToLive(CHANGE_TTL)
                    .variables(variables)
                    .send()
                    .join();
        } catch (ClientStatusException | ClientHttpException e) {
            boolean alreadyHeld = e instanceof ClientStatusException s
                    ? s.getStatusCode() == Status.Code.ALREADY_EXISTS
                    : ((ClientHttpException) e).code() == 409;
            if (!alreadyHeld) {
                throw e;
            }
        }
    }

    /** Sends a running process whose open commitment has no active owner to its assign-owner task. */
    void ownerMissing(long commitmentId) {
        publish(CommitmentBpmn.MESSAGE_OWNER_MISSING, commitmentId, Map.of(), Duration.ZERO);
    }

    private void publish(String message, long commitmentId, Map<String, Object> variables, Duration ttl) {
        client.newPublishMessageCommand()
                .messageName(message)
                .correlationKey(String.valueOf(commitmentId))
                .timeToLive(ttl)
                .variables(variables)
                .send()
                .join();
    }
}
