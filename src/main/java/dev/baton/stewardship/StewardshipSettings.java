package dev.baton.stewardship;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Contact stewardship ({@code baton.stewardship.*}), with defaults in code.
 *
 * @param window a contact not verified within this period is listed for review (12 months)
 * @param every an owner gets at most one review per this period (3 months: quarterly)
 * @param reviewDueIn the review task is due this long after it opens (14 days)
 * @param cron when the run starts ({@code baton.stewardship.cron}; 07:00 on the first day of each quarter)
 */
@ConfigurationProperties("baton.stewardship")
public record StewardshipSettings(Period window, Period every, Period reviewDueIn, String cron) {

    public StewardshipSettings {
        window = window == null ? Period.ofMonths(12) : window;
        every = every == null ? Period.ofMonths(3) : every;
        reviewDueIn = reviewDueIn == null ? Period.ofDays(14) : reviewDueIn;
        cron = cron == null ? "0 0 7 1 1,4,7,10 *" : cron;
    }
}
