package dev.baton.handover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Handover timings ({@code baton.handover.*}); defaults here so application.yml need not list them.
 *
 * @param introCallDays the successor's introduction call is due this many days after acknowledging
 * @param introCallReminder how long before that due date the successor is reminded
 * @param managerMayTakeAccounts whether the launching manager may name herself a successor
 */
@ConfigurationProperties("baton.handover")
public record HandoverSettings(
        @DefaultValue("5") int introCallDays,
        @DefaultValue("P1D") Duration introCallReminder,
        @DefaultValue("false") boolean managerMayTakeAccounts) {}
