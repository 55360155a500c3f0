package dev.baton.commitment;

import dev.baton.shared.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;
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

    /** The most days before a due date any team's owners are reminded: no reminder comes earlier than that. */
    int mostReminderDaysBefore() {
        return Stream.concat(Stream.of(reminderDaysBefore), reminderDaysBeforeByTeam.values().stream())
                .mapToInt(Integer::intValue)
                .max()
                .orElse(reminderDaysBefore);
    }

    /**
     * When the owner of a commitment due on {@code dueDate} is reminded that it is due soon (the commitment
     * process's reminder timer): at {@link #notifyAt} where the owner is ({@code zone}), the delivering team's
     * days before; {@code teamKey} null for a commitment naming no delivering team (the default delivering
     * team's days then). The one definition the process and an import's report read.
     */
    Instant reminderAt(LocalDate dueDate, String teamKey, ZoneId zone) {
        String team = teamKey == null ? defaultDeliveringTeam : teamKey;
        return Dates.at(dueDate.minusDays(reminderDaysBefore(team)), notifyAt, zone);
    }
}
