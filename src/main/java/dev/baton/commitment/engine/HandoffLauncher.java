package dev.baton.commitment.engine;

import dev.baton.commitment.HandoffProcess;
import dev.baton.commitment.engine.HandoffBpmn.Variables;
import dev.baton.engine.Bpmn;
import dev.baton.engine.ProcessInstances;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starts the sales-to-CS handoff process with ids and the usernames its steps are assigned to. */
@Component
class HandoffLauncher implements HandoffProcess {

    /** How often the handoff looks again at commitments still awaiting their team's acceptance. */
    static final String RECHECK_EVERY = "PT1H";

    private final ProcessInstances processInstances;

    HandoffLauncher(ProcessInstances processInstances) {
        this.processInstances = processInstances;
    }

    @Override
    public long start(long accountId, String repUsername, String csTeam) {
        return processInstances.start(
                HandoffBpmn.PROCESS_ID,
                Map.of(
                        Bpmn.Variables.ACCOUNT_ID,
                        accountId,
                        Variables.REP_USERNAME,
                        repUsername,
                        Variables.CS_TEAM,
                        csTeam,
                        Variables.RECHECK_EVERY,
                        RECHECK_EVERY));
    }
}
