package dev.baton.stewardship;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The periodic run (quarterly by default): opens one contact review, and with it the
 * {@code contact-stewardship} process, per active account owner with contacts not verified within the
 * window; at most one per owner and period ({@link StewardshipService#open}).
 */
@Component
public class StewardshipRun {

    private static final Logger log = LoggerFactory.getLogger(StewardshipRun.class);

    private final StewardshipService stewardship;

    StewardshipRun(StewardshipService stewardship) {
        this.stewardship = stewardship;
    }

    /** On {@code baton.stewardship.cron}; off in tests ({@code baton.stewardship.on-schedule=false}), which call {@link #run}. */
    @Component
    @ConditionalOnProperty(name = "baton.stewardship.on-schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        private final StewardshipRun run;

        Schedule(StewardshipRun run) {
            this.run = run;
        }

        @Scheduled(cron = "${baton.stewardship.cron:0 0 7 1 1,4,7,10 *}", zone = "${baton.company-time-zone:}")
        void quarterly() {
            try {
                run.run();
            } catch (RuntimeException e) {
                // owners already done keep their review; calling run() again opens the rest
                log.warn("stewardship run stopped early: {}", e.toString());
            }
        }
    }

    /** @return the ids of the reviews this run opened */
    public List<Long> run() {
        return run(null);
    }

    /** The run over some owners only (null: all): tests share the database with the demo book. */
    public List<Long> run(Collection<Long> onlyOwners) {
        List<Long> opened = new ArrayList<>();
        for (long owner : stewardship.owners(onlyOwners)) {
            stewardship.open(owner).ifPresent(opened::add);
        }
        return opened;
    }
}
