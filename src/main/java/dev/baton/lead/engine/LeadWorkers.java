package dev.baton.lead.engine;

import dev.baton.engine.JobProblems;
import dev.baton.lead.LeadFollowUp;
import dev.baton.lead.engine.LeadBpmn.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The lead-follow-up playbook's service tasks, each one call to {@link LeadFollowUp} (idempotent:
 * assignments are numbered, stale reminders do nothing, mails carry dedup keys). Public: the SDK
 * invokes them reflectively. A step that fails on its last retry is listed on the admins' problems page
 * ({@link JobProblems}) before the SDK fails it into an engine incident: a lead's run is started by a
 * message, so it is no catalogue run the page finds stuck (found by probe 37: a lead never assigned,
 * its incident on no page). The listing is resolved once the step goes through after all.
 */
@Component
public class LeadWorkers {

    /** The retries lead-follow-up.bpmn gives each service task: the last delivery has 1 left. */
    static final int MODEL_RETRIES = 3;

    private final LeadFollowUp followUp;
    private final JobProblems problems;
    private final Clock clock;

    LeadWorkers(LeadFollowUp followUp, JobProblems problems, Clock clock) {
        this.followUp = followUp;
        this.problems = problems;
        this.clock = clock;
    }

    /** Assigns (or reassigns) the lead; the timers of the first-touch step get durations from now. */
    @JobWorker(autoComplete = true, type = LeadBpmn.ASSIGN_JOB_TYPE)
    public Map<String, Object> assign(
            @Variable(name = Variables.LEAD_ID) long leadId,
            @Variable(name = Variables.ROUND) int round,
            ActivatedJob job) {
        LeadFollowUp.Assignment a =
                listedIfLast(job, leadId, () -> followUp.assign(leadId, round, job.getProcessInstanceKey()));
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
    public void remind(
            @Variable(name = Variables.LEAD_ID) long leadId,
            @Variable(name = Variables.ROUND) int round,
            ActivatedJob job) {
        listedIfLast(job, leadId, () -> followUp.remind(leadId, round));
    }

    @JobWorker(autoComplete = true, type = LeadBpmn.ESCALATE_JOB_TYPE)
    public void escalate(
            @Variable(name = Variables.LEAD_ID) long leadId,
            @Variable(name = Variables.ROUND) int round,
            ActivatedJob job) {
        listedIfLast(job, leadId, () -> followUp.escalate(leadId, round));
    }

    @JobWorker(autoComplete = true, type = LeadBpmn.RECORD_OUTCOME_JOB_TYPE)
    public void recordOutcome(
            @Variable(name = Variables.LEAD_ID) long leadId,
            @Variable(name = Variables.OUTCOME) String outcome,
            ActivatedJob job) {
        listedIfLast(job, leadId, () -> followUp.recordOutcome(leadId, outcome));
    }

    private void listedIfLast(ActivatedJob job, long leadId, Runnable step) {
        listedIfLast(job, leadId, () -> {
            step.run();
            return null;
        });
    }

    /**
     * Runs the step; its failure on the last retry is listed for the admins (then rethrown: the SDK makes
     * the incident), and a step that goes through after an earlier failure resolves what was listed.
     */
    private <T> T listedIfLast(ActivatedJob job, long leadId, Supplier<T> step) {
        T result;
        try {
            result = step.get();
        } catch (RuntimeException e) {
            if (job.getRetries() <= 1) {
                problems.list(
                        job,
                        MODEL_RETRIES,
                        "Step '" + job.getElementId() + "' of lead " + leadId + "'s follow-up failed " + MODEL_RETRIES
                                + " times, the lead waits (an engine incident): " + e.getMessage());
            }
            throw e;
        }
        if (job.getRetries() < MODEL_RETRIES) {
            problems.resolve(job.getProcessInstanceKey(), job.getElementId(), "the step went through", clock.instant());
        }
        return result;
    }
}
