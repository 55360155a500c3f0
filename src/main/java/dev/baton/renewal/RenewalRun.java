package dev.baton.renewal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily run: opens a renewal (and with it the {@code renewal} process) for every customer whose
 * renewal date is {@code baton.renewals.days-ahead} days away or nearer and not passed, in its owner's
 * time zone, once per account and renewal date. Nearer dates are included, so a day the run missed
 * (Baton was down) is caught up the next day; {@link RenewalService#open} keeps it once.
 */
@Component
public class RenewalRun {

    private static final Logger log = LoggerFactory.getLogger(RenewalRun.class);

    private final RenewalService renewals;

    RenewalRun(RenewalService renewals) {
        this.renewals = renewals;
    }

    /** On {@code baton.renewals.cron}; off in tests ({@code baton.renewals.on-schedule=false}), which call {@link #run}. */
    @Component
    @ConditionalOnProperty(name = "baton.renewals.on-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final RenewalRun run;

        Schedule(RenewalRun run) {
            this.run = run;
        }

        @Scheduled(cron = "${baton.renewals.cron:0 0 6 * * *}", zone = "${baton.company-time-zone:}")
        void daily() {
            try {
                run.run();
            } catch (RuntimeException e) {
                // tomorrow's run catches up: nearer renewal dates are included
                log.warn("renewal run stopped early: {}", e.toString());
            }
        }
    }

    /**
     * Opens the renewals due now.
     *
     * @return the ids of the renewals this run opened (not those open already)
     */
    public List<Long> run() {
        return run(null);
    }

    /** The run over some accounts only (null: all): tests share the database with the demo book. */
    public List<Long> run(Collection<Long> onlyAccounts) {
        List<Long> opened = new ArrayList<>();
        for (RenewalService.Due due : renewals.due(onlyAccounts)) {
            renewals.open(due.accountId(), due.renewalDate()).ifPresent(opened::add);
        }
        return opened;
    }
}
