package dev.baton.renewal.engine;

import dev.baton.renewal.RenewalService;
import dev.baton.renewal.engine.RenewalBpmn.Vars;
import dev.baton.shared.BadRequestException;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The renewal process's service tasks, one {@link RenewalService} call each, returning only new
 * variables. Idempotent: checking promises twice gives the same answer (and one more timeline line at
 * most), an escalation twice tells the same manager, a decision applied twice finds it applied.
 * Public: the SDK invokes them reflectively.
 */
@Component
public class RenewalWorkers {

    private final RenewalService renewals;

    RenewalWorkers(RenewalService renewals) {
        this.renewals = renewals;
    }

    /** Whether the proposal may be asked for; the current owner for the next step. */
    @JobWorker(autoComplete = true, type = RenewalBpmn.CHECK_PROMISES_JOB_TYPE)
    public Map<String, Object> checkPromises(@Variable(name = Vars.RENEWAL_ID) long renewalId) {
        RenewalService.Promises promises = renewals.checkPromises(renewalId);
        Map<String, Object> v = new HashMap<>();
        v.put(Vars.PROMISES_KEPT, promises.kept());
        v.put(Vars.OWNER_USERNAME, promises.ownerUsername());
        return v;
    }

    /** The owner's manager for the late stage, or null when there is none (the gateway ends the branch). */
    @JobWorker(autoComplete = true, type = RenewalBpmn.ESCALATE_JOB_TYPE)
    public Map<String, Object> escalate(
            @Variable(name = Vars.RENEWAL_ID) long renewalId, @Variable(name = Vars.LATE_STAGE) String lateStage) {
        Map<String, Object> v = new HashMap<>();
        v.put(Vars.ESCALATE_TO_USERNAME, renewals.escalate(renewalId, lateStage).orElse(null));
        return v;
    }

    /**
     * Applies the decision. A decision the rules refuse (it came around the inbox, which checks it
     * first) is an incident naming the field, never a silent stall.
     */
    @JobWorker(autoComplete = true, type = RenewalBpmn.DECIDE_JOB_TYPE)
    public Map<String, Object> decide(
            @Variable(name = Vars.RENEWAL_ID) long renewalId,
            @Variable(name = Vars.DECISION) String decision,
            @Variable(name = Vars.NEXT_RENEWAL_DATE) String nextRenewalDate) {
        try {
            LocalDate next = nextRenewalDate == null ? null : LocalDate.parse(nextRenewalDate.substring(0, 10));
            Map<String, Object> v = new HashMap<>();
            v.put(Vars.OWNER_USERNAME, renewals.decide(renewalId, decision, next));
            return v;
        } catch (BadRequestException | java.time.DateTimeException | IndexOutOfBoundsException refused) {
            throw CamundaError.jobError("renewal decision refused: " + refused.getMessage(), Map.of(), 0);
        }
    }
}
