package dev.baton.shared;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose after-commit listener did not finish (the app stopped between
 * commit and delivery, or the engine refused): Spring Modulith's event publication registry keeps
 * them as incomplete publications. Every listener that talks to the engine is idempotent (message
 * ids, one instance per correlation key), so a delivery repeated by two instances at once is harmless.
 */
@Component
public class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);
    /** An event younger than this may still be on its first delivery. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private final IncompleteEventPublications incomplete;

    EventResubmission(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    /** Delivers again every incomplete publication older than {@code olderThan}. */
    public void resubmit(Duration olderThan) {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }

    /** The schedule; tests switch it off ({@code baton.events.resubmit-on-schedule=false}) and call {@link #resubmit}. */
    @Component
    @ConditionalOnProperty(name = "baton.events.resubmit-on-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final EventResubmission resubmission;

        Schedule(EventResubmission resubmission) {
            this.resubmission = resubmission;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${baton.events.resubmit-every:PT1M}")
        void resubmit() {
            try {
                resubmission.resubmit(GRACE);
            } catch (RuntimeException e) {
                log.warn("incomplete events not delivered now, the next run retries: {}", e.toString());
            }
        }
    }
}
