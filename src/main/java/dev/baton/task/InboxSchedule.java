package dev.baton.task;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs reminders/escalations and the digest every {@code baton.inbox.schedule-delay}; tests run them themselves. */
@Component
@ConditionalOnProperty(name = "baton.inbox.on-schedule", havingValue = "true", matchIfMissing = true)
class InboxSchedule {

    private final TaskReminders reminders;
    private final TaskDigest digest;

    InboxSchedule(TaskReminders reminders, TaskDigest digest) {
        this.reminders = reminders;
        this.digest = digest;
    }

    @Scheduled(fixedDelayString = "${baton.inbox.schedule-delay:PT1M}", initialDelayString = "PT30S")
    void run() {
        reminders.run();
        digest.run();
    }
}
