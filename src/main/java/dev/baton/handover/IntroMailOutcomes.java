package dev.baton.handover;

import dev.baton.notification.OutboxEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What became of a customer's introduction mail after it was queued: failed for good (the item shows
 * "intro failed" and it counts as not sent), or sent after an admin's retry.
 */
@Component
class IntroMailOutcomes {

    private final HandoverSteps steps;

    IntroMailOutcomes(HandoverSteps steps) {
        this.steps = steps;
    }

    @ApplicationModuleListener
    void failed(OutboxEvents.Failed event) {
        HandoverMails.introItemId(event.dedupKey()).ifPresent(id -> steps.introFailed(id, event.to(), event.error()));
    }

    @ApplicationModuleListener
    void sentAfterRetry(OutboxEvents.SentAfterRetry event) {
        HandoverMails.introItemId(event.dedupKey()).ifPresent(steps::introSentAfterRetry);
    }
}
