package dev.baton.commitment.engine;

import dev.baton.commitment.SalesHandoff;
import dev.baton.commitment.engine.HandoffBpmn.Variables;
import dev.baton.engine.Bpmn;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The handoff's service tasks, one {@link SalesHandoff} call each (reads, or an idempotent
 * hand-over), taking typed variables and returning only new ones; the SDK completes the job.
 */
@Component
public class HandoffWorkers {

    private final SalesHandoff handoff;

    HandoffWorkers(SalesHandoff handoff) {
        this.handoff = handoff;
    }

    @JobWorker(autoComplete = true, type = HandoffBpmn.COLLECT_JOB_TYPE)
    public Map<String, Object> collect(@Variable(name = Bpmn.Variables.ACCOUNT_ID) long accountId) {
        return Map.of(Variables.COMMITMENT_IDS, handoff.commitmentsToHandOver(accountId));
    }

    @JobWorker(autoComplete = true, type = HandoffBpmn.CHECK_JOB_TYPE)
    public Map<String, Object> check(@Variable(name = Bpmn.Variables.COMMITMENT_ID) long commitmentId) {
        return Map.of(Variables.SETTLED, handoff.settled(commitmentId));
    }

    @JobWorker(autoComplete = true, type = HandoffBpmn.ASSIGN_CS_OWNER_JOB_TYPE)
    public void assignCsOwner(
            @Variable(name = Bpmn.Variables.ACCOUNT_ID) long accountId,
            // not the rep it started with: the account is taken from whoever owns it now
            @Variable(name = Variables.CS_OWNER_USERNAME) String csOwnerUsername,
            // absent when the kickoff completed before Baton recorded who answered it
            @Variable(name = Variables.CS_OWNER_CHOSEN_BY, optional = true) String chosenBy) {
        handoff.handToCustomerSuccess(accountId, csOwnerUsername, chosenBy);
    }
}
