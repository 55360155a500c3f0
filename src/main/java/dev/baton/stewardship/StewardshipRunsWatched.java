package dev.baton.stewardship;

import dev.baton.engine.RunsWatchedElsewhere;
import dev.baton.stewardship.engine.StewardshipBpmn;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A contact review starts by message from the quarterly run: the contact reviews page shows them. */
@Component
class StewardshipRunsWatched implements RunsWatchedElsewhere {

    @Override
    public Map<String, Watched> watched() {
        return Map.of(
                StewardshipBpmn.PROCESS_ID,
                new Watched(
                        "the quarterly contact review, one per owner", "Contact reviews", "/stewardship", MANAGERS));
    }
}
