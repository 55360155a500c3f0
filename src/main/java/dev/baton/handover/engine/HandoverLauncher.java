package dev.baton.handover.engine;

import dev.baton.handover.HandoverProcess;
import dev.baton.handover.StuckTransfer;
import dev.baton.handover.engine.HandoverBpmn.Rep;
import dev.baton.handover.engine.HandoverBpmn.Vars;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Starts {@code rep-handover} with ids and the usernames its user tasks are assigned to, by its
 * start message correlated by the handover id. The engine keeps one active instance per
 * correlation key, and a message with no time to live is dropped rather than kept for later, so
 * sending the start again (after a crash, or when the first answer was lost) never starts a
 * second handover process. Cancelling ends the rep handover's instance and its accounts' instances.
 * A transfer that failed for good is started again by modifying the account's instance; its problem
 * is resolved once the step gets through ({@link TransferFailures#succeeded}).
 */
@Component
class HandoverLauncher implements HandoverProcess {

    private final CamundaClient client;

    HandoverLauncher(CamundaClient client) {
        this.client = client;
    }

    @Override
    public void start(
            long handoverId,
            List<Long> itemIds,
            String manager,
            String departing,
            Instant effectiveAt,
            Instant leaveEndsAt) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.HANDOVER_ID, handoverId);
        variables.put(Vars.ITEM_IDS, itemIds);
        variables.put(Vars.MANAGER, manager);
        variables.put(Vars.DEPARTING, departing);
        variables.put(Vars.EFFECTIVE_AT, effectiveAt.toString());
        variables.put(Vars.TEMPORARY, leaveEndsAt != null);
        if (leaveEndsAt != null) {
            variables.put(Vars.LEAVE_ENDS_AT, leaveEndsAt.toString());
        }
        client.newPublishMessageCommand()
                .messageName(Rep.MESSAGE_LAUNCHED)
                .correlationKey(String.valueOf(handoverId))
                .timeToLive(Duration.ZERO)
                .variables(variables)
                .send()
                .join();
    }

    @Override
    public boolean restartTransfer(StuckTransfer stuck) {
        try {
            client.newModifyProcessInstanceCommand(stuck.processInstanceKey())
                    .activateElement(HandoverBpmn.Account.TASK_TRANSFER)
                    .and()
                    .terminateElement(stuck.elementInstanceKey())
                    .send()
                    .join();
        } catch (ClientStatusException e) {
            // NOT_FOUND: no such instance; INVALID_ARGUMENT: it no longer has that element instance
            if (e.getStatusCode() != Status.Code.NOT_FOUND && e.getStatusCode() != Status.Code.INVALID_ARGUMENT) {
                throw e;
            }
            return false;
        }
        return true;
    }

    @Override
    public void cancel(long processInstanceKey) {
        try {
            client.newCancelInstanceCommand(processInstanceKey).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
        }
    }
}
