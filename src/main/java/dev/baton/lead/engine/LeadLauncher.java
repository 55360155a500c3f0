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
}
