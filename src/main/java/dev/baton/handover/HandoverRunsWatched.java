package dev.baton.handover;

import dev.baton.engine.RunsWatchedElsewhere;
import dev.baton.handover.engine.HandoverBpmn;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A handover's runs start by message (and call one run per account): the handovers page shows them. */
@Component
class HandoverRunsWatched implements RunsWatchedElsewhere {

    @Override
    public Map<String, Watched> watched() {
        return Map.of(
                HandoverBpmn.Rep.PROCESS_ID,
                new Watched("launching a handover", "Handovers", "/handovers", MANAGERS),
                HandoverBpmn.Account.PROCESS_ID,
                new Watched("a rep handover, one per account", "Handovers", "/handovers", MANAGERS));
    }
}
