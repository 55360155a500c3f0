package dev.baton.handover;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, handovers still STARTING a minute after their launch get their start sent again
 * (see {@link HandoverService#restartStalled}). Tests switch it off and call the service themselves.
 */
@Component
@ConditionalOnProperty(name = "baton.handover.restart-on-schedule", havingValue = "true", matchIfMissing = true)
class HandoverStartSchedule {

  private static final Logger log = LoggerFactory.getLogger(HandoverStartSchedule.class);
  static final Duration GRACE = Duration.ofMinutes(1);

  private final HandoverService handovers;

  HandoverStartSchedule(HandoverService handovers) {
    this.handovers = handovers;
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
  void restartStalled() {
    try {
      handovers.restartStalled(GRACE);
    } catch (RuntimeException engineDown) {
      log.warn("handover starts not sent now, the next run retries: {}", engineDown.toString());
    }
  }
}
