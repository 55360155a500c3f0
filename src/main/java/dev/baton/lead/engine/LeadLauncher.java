package dev.baton.lead.engine;

import dev.baton.lead.LeadEvents;
import dev.baton.lead.engine.LeadBpmn.Variables;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Starts {@code lead-follow-up} for a created lead, after its transaction committed, by the start
 * message correlated by the lead id: the engine keeps one active instance per correlation key and
 * drops a message without time to live that nothing waits for, so the registry's redelivery never
 * starts a second one. No transaction around the engine call ({@code NOT_SUPPORTED}): no database
 * connection waits on the engine. A failure leaves the publication incomplete for {@code EventResubmission}.
 * Also tells a running instance that its lead changed owner.
 */
@Component
class LeadLauncher {

    private final CamundaClient client;

    LeadLauncher(CamundaClient client) {
        this.client = client;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void created(LeadEvents.Created event) {
        client.newPublishMessageCommand()
                .messageName(LeadBpmn.MESSAGE_CREATED)
                .correlationKey(String.valueOf(event.leadId()))
                .timeToLive(Duration.ZERO)
                .variables(Map.of(Variables.LEAD_ID, event.leadId(), Variables.ROUND, 0))
                .send()
                .join();
    }

    /**
     * Tells the lead's process its untouched lead has a new owner: its first-touch step goes back to
     * the assignment, which finds the move made (the round before it) and answers with the new owner
     * and a fresh SLA. Nothing waits when the lead was touched or closed meanwhile: the message is dropped.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void ownerChanged(LeadEvents.OwnerChanged event) {
        client.newPublishMessageCommand()
                .messageName(LeadBpmn.MESSAGE_OWNER_CHANGED)
                .correlationKey(String.valueOf(event.leadId()))
                .timeToLive(Duration.ZERO)
                .variables(Map.of(Variables.ROUND, event.round() - 1))
                .send()
                .join();
    }
}
