package dev.baton.lead;

import dev.baton.engine.RunsWatchedElsewhere;
import dev.baton.lead.engine.LeadBpmn;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A lead's follow-up starts by message when the lead is created: the leads page shows them. */
@Component
class LeadRunsWatched implements RunsWatchedElsewhere {

    @Override
    public Map<String, Watched> watched() {
        return Map.of(LeadBpmn.PROCESS_ID, new Watched("creating a lead", "Leads", "/leads"));
    }
}
