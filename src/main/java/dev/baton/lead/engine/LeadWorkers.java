package dev.baton.lead.engine;

import dev.baton.lead.LeadFollowUp;
import dev.baton.lead.engine.LeadBpmn.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The lead-follow-up playbook's service tasks, each one call to {@link LeadFollowUp} (idempotent:
 * assignments are numbered, stale reminders do nothing, mails carry dedup keys). Public: the SDK
 * invokes them reflectively. A step that fails on its last retry is listed on the admins' problems
 * page naming its lead ({@link LeadSubjects}), as every worker's is, and resolved once it goes through.
 */
@Component
public class LeadWorkers {

    private final LeadFollowUp followUp;

    LeadWorkers(LeadFollowUp followUp) {
        this.followUp = followUp;
    }

    /** Assigns (or reassigns) the lead; the timers of the first-touch step get durations from now. */
    @JobWorker(autoComplete = true, type = LeadBpmn.ASSIGN_JOB_TYPE)
    public Map<String, Object> assign(
            @Variable(name = Variables.LEAD_ID) long leadId,
            @Variable(name = Variables.ROUND) int round,
            ActivatedJob job) {
        LeadFollowUp.Assignment a = followUp.assign(leadId, round, job.getProcessInstanceKey());
        Map<String, Object> v = new HashMap<>();
        v.put(Variables.OWNER_USERNAME, a.ownerUsername());
        v.put(Variables.MANAGER_USERNAME, a.managerUsername());
        v.put(Variables.ROUND, a.round());
        v.put(Variables.REMIND_IN, a.remindIn().toString());
        v.put(Variables.SLA_IN, a.dueIn().toString());
        v.put(Variables.REASSIGN_IN, a.reassignIn().toString());
        v.put(Variables.FIRST_TOUCH_DUE_AT, a.dueAt().toString());
        v.put(Variables.OUTCOME, null); // an earlier owner's answer never reaches the next one's steps
        return v;
    }

    @JobWorker(autoComplete = true, type = LeadBpmn.REMIND_JOB_TYPE)
    public void remind(@Variable(name = Variables.LEAD_ID) long leadId, @Variable(name = Variables.ROUND) int round) {
        followUp.remind(leadId, round);
    }

    @JobWorker(autoComplete = true, type = LeadBpmn.ESCALATE_JOB_TYPE)
    public void escalate(@Variable(name = Variables.LEAD_ID) long leadId, @Variable(name = Variables.ROUND) int round) {
        followUp.escalate(leadId, round);
    }

    @JobWorker(autoComplete = true, type = LeadBpmn.RECORD_OUTCOME_JOB_TYPE)
    public void recordOutcome(
            @Variable(name = Variables.LEAD_ID) long leadId, @Variable(name = Variables.OUTCOME) String outcome) {
        followUp.recordOutcome(leadId, outcome);
    }
}
