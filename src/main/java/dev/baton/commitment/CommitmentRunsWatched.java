package dev.baton.commitment;

import dev.baton.commitment.engine.CommitmentBpmn;
import dev.baton.engine.RunsWatchedElsewhere;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A commitment's run starts by message when it is recorded: the commitment register shows them. */
@Component
class CommitmentRunsWatched implements RunsWatchedElsewhere {

    @Override
    public Map<String, Watched> watched() {
        return Map.of(
                CommitmentBpmn.PROCESS_ID,
                new Watched("recording a commitment", "the commitment register", "/commitments"));
    }
}
