package dev.baton.stewardship.engine;

import dev.baton.stewardship.StewardshipEvents;
import dev.baton.stewardship.StewardshipService;
import dev.baton.stewardship.engine.StewardshipBpmn.Vars;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts {@code contact-stewardship} once a review is opened and committed, by its start message
 * correlated by the review id (one active instance per review; a redelivery by the event publication
 * registry starts no second one while the first runs).
 */
@Component
class StewardshipLauncher {

    private final StewardshipService stewardship;
    private final CamundaClient client;

    StewardshipLauncher(StewardshipService stewardship, CamundaClient client) {
        this.stewardship = stewardship;
        this.client = client;
    }

    @TransactionalEventListener
    void opened(StewardshipEvents.Opened event) {
        StewardshipService.Launch launch = stewardship.launch(event.reviewId());
        client.newPublishMessageCommand()
                .messageName(StewardshipBpmn.MESSAGE_OPENED)
                .correlationKey(String.valueOf(launch.reviewId()))
                .timeToLive(Duration.ZERO)
                .variables(Map.of(
                        Vars.REVIEW_ID,
                        launch.reviewId(),
                        Vars.OWNER_USERNAME,
                        launch.ownerUsername(),
                        Vars.REVIEW_DUE_AT,
                        launch.dueAt().toString()))
                .send()
                .join();
    }
}
