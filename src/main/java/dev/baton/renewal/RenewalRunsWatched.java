package dev.baton.renewal;

import dev.baton.engine.RunsWatchedElsewhere;
import dev.baton.renewal.engine.RenewalBpmn;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A renewal starts by message from the daily run: the renewals page shows them. */
@Component
class RenewalRunsWatched implements RunsWatchedElsewhere {

    @Override
    public Map<String, Watched> watched() {
        return Map.of(
                RenewalBpmn.PROCESS_ID,
                new Watched("the daily renewal run, one per account", "Renewals", "/renewals", MANAGERS));
    }
}
