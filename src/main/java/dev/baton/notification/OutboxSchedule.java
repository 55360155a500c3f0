package dev.baton.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the dispatcher every {@code baton.mail.dispatch-delay}; tests switch it off and dispatch themselves. */
@Component
@ConditionalOnProperty(name = "baton.mail.dispatch-on-schedule", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

    private final OutboxDispatcher dispatcher;

    OutboxSchedule(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${baton.mail.dispatch-delay}")
    void dispatch() {
        dispatcher.dispatch();
    }
}
