package dev.baton.task;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders, escalations and the daily digest ({@code baton.inbox.*}).
 *
 * @param reminderLead how long before a task's due date its assignee is reminded
 * @param escalateAfter how long after the due date an open task is escalated to the assignee's manager
 * @param onSchedule off in tests, which call {@link TaskReminders#run()} and {@link TaskDigest#run()} themselves
 * @param scheduleDelay pause between two reminder/digest runs
 * @param digestAfter the daily digest goes out at the first run after this time of day where each subscriber
 *     is (their zone, or the company's)
 * @param batchSize rows claimed (and locked) per transaction
 */
@ConfigurationProperties("baton.inbox")
public record InboxSettings(
        @DefaultValue("P1D") Duration reminderLead,
        @DefaultValue("PT0S") Duration escalateAfter,
        @DefaultValue("true") boolean onSchedule,
        @DefaultValue("PT1M") Duration scheduleDelay,
        @DefaultValue("07:00") LocalTime digestAfter,
        @DefaultValue("50") int batchSize) {}
