package dev.baton.handover;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts a launched handover's process once the launch has committed. A plain after-commit listener,
 * not {@code @ApplicationModuleListener}: the start reads in a short transaction of its own and calls
 * the engine outside any, so no database connection waits on the engine. An exception leaves the
 * event's publication incomplete, and {@code EventResubmission} delivers it again.
 */
@Component
class HandoverStarter {

    private final HandoverService handovers;

    HandoverStarter(HandoverService handovers) {
        this.handovers = handovers;
    }

    @TransactionalEventListener
    void launched(HandoverEvents.Launched event) {
        handovers.start(event.handoverId());
    }
}
