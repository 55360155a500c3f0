package dev.baton.stewardship.engine;

import dev.baton.stewardship.StewardshipService;
import dev.baton.stewardship.engine.StewardshipBpmn.Vars;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The stewardship process's service task; closing twice gives the same follow-ups. Public: the SDK invokes it reflectively. */
@Component
public class StewardshipWorkers {

    private final StewardshipService stewardship;

    StewardshipWorkers(StewardshipService stewardship) {
        this.stewardship = stewardship;
    }

    /** Closes the review; the contacts who left as primary contact or champion need a successor each. */
    @JobWorker(autoComplete = true, type = StewardshipBpmn.CLOSE_JOB_TYPE)
    public Map<String, Object> close(@Variable(name = Vars.REVIEW_ID) long reviewId) {
        List<Map<String, Object>> followUps = stewardship.close(reviewId).stream()
                .map(f -> Map.<String, Object>of("accountId", f.accountId(), "contactId", f.contactId()))
                .toList();
        return Map.of(Vars.FOLLOW_UPS, followUps);
    }
}
