package dev.baton.renewal.engine;

import dev.baton.engine.Bpmn;
import dev.baton.renewal.RenewalEvents;
import dev.baton.renewal.RenewalService;
import dev.baton.renewal.engine.RenewalBpmn.Vars;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts {@code renewal} once a renewal is opened and committed, by its start message correlated by
 * the renewal id: the engine keeps one active instance per correlation key, and a message with no
 * time to live is dropped rather than kept, so a redelivery never starts a second process. An engine
 * failure leaves the event to the publication registry's next delivery ({@code EventResubmission}).
 */
@Component
class RenewalLauncher {

    private final RenewalService renewals;
    private final CamundaClient client;

    RenewalLauncher(RenewalService renewals, CamundaClient client) {
        this.renewals = renewals;
        this.client = client;
    }

    @TransactionalEventListener
    void opened(RenewalEvents.Opened event) {
        RenewalService.Launch launch = renewals.launch(event.renewalId());
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.RENEWAL_ID, launch.renewalId());
        variables.put(Bpmn.Variables.ACCOUNT_ID, launch.accountId());
        variables.put(Vars.OWNER_USERNAME, launch.ownerUsername());
        variables.put(Vars.HEALTH_REVIEW_DUE_AT, launch.healthReviewDueAt().toString());
        variables.put(Vars.PROPOSAL_DUE_AT, launch.proposalDueAt().toString());
        variables.put(Vars.DECISION_DUE_AT, launch.decisionDueAt().toString());
        client.newPublishMessageCommand()
                .messageName(RenewalBpmn.MESSAGE_OPENED)
                .correlationKey(String.valueOf(launch.renewalId()))
                .timeToLive(Duration.ZERO)
                .variables(variables)
                .send()
                .join();
    }
}
