package dev.baton.renewal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Renewals ({@code baton.renewals.*}), with defaults in code. Days are calendar days in the account
 * owner's time zone.
 *
 * @param daysAhead the daily run opens a renewal this many days before the renewal date (90)
 * @param healthReviewDaysBefore the health review is due by the end of this day before the renewal date (60)
 * @param proposalDaysBefore the proposal is due by the end of this day before it (30)
 * @param decisionDaysBefore the decision is due by the end of this day before it (0: the renewal date itself)
 * @param brokenPromiseLookback a breached commitment due within this period before the renewal date
 *     (the term being renewed) counts as a broken promise that holds the renewal back (one year)
 * @param cron when the daily run starts ({@code baton.renewals.cron}, in the company's time zone; 06:00)
 */
@ConfigurationProperties("baton.renewals")
public record RenewalSettings(
        Integer daysAhead,
        Integer healthReviewDaysBefore,
        Integer proposalDaysBefore,
        Integer decisionDaysBefore,
        Period brokenPromiseLookback,
        String cron) {

    public RenewalSettings {
        daysAhead = daysAhead == null ? 90 : daysAhead;
        healthReviewDaysBefore = healthReviewDaysBefore == null ? 60 : healthReviewDaysBefore;
        proposalDaysBefore = proposalDaysBefore == null ? 30 : proposalDaysBefore;
        decisionDaysBefore = decisionDaysBefore == null ? 0 : decisionDaysBefore;
        brokenPromiseLookback = brokenPromiseLookback == null ? Period.ofYears(1) : brokenPromiseLookback;
        cron = cron == null ? "0 0 6 * * *" : cron;
    }
}
