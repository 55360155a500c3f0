package dev.baton.commitment;

import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Commitment reminders and escalation ({@code baton.commitments.*}), with defaults in code.
 *
 * @param reminderDaysBefore days before the due date the owner is reminded, unless the delivering team has its own
 * @param reminderDaysBeforeByTeam per team key, e.g. {@code baton.commitments.reminder-days-before-by-team.implementation=7}
 * @param notifyAt local time of day, in the owner's zone, at which reminders fire (the escalation comes once the due
 *     day has ended there)
 * @param verifyingTeam the team that verifies delivery with the customer (a candidate group)
 * @param defaultDeliveringTeam who assigns an owner when a commitment names no delivering team
 */
@ConfigurationProperties("baton.commitments")
public record CommitmentSettings(
        Integer reminderDaysBefore,
        Map<String, Integer> reminderDaysBeforeByTeam,
        LocalTime notifyAt,
        String verifyingTeam,
        String defaultDeliveringTeam) {

    public CommitmentSettings {
        reminderDaysBefore = reminderDaysBefore == null ? 3 : reminderDaysBefore;
        reminderDaysBeforeByTeam = reminderDaysBeforeByTeam == null ? Map.of() : Map.copyOf(reminderDaysBeforeByTeam);
        notifyAt = notifyAt == null ? LocalTime.of(9, 0) : notifyAt;
        verifyingTeam = verifyingTeam == null ? "customer-success" : verifyingTeam;
        defaultDeliveringTeam = defaultDeliveringTeam == null ? "customer-success" : defaultDeliveringTeam;
    }

    int reminderDaysBefore(String teamKey) {
        return teamKey == null
                ? reminderDaysBefore
                : reminderDaysBeforeByTeam.getOrDefault(teamKey, reminderDaysBefore);
    }
}
