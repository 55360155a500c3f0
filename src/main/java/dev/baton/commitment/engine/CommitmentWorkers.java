package dev.baton.commitment.engine;

import dev.baton.commitment.CommitmentDecision;
import dev.baton.commitment.CommitmentProcessSteps;
import dev.baton.commitment.CommitmentStep;
import dev.baton.commitment.engine.CommitmentBpmn.Variables;
import dev.baton.engine.Bpmn;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The commitment process's service tasks, each one call to {@link CommitmentProcessSteps}, taking
 * typed variables and returning only new ones; the SDK completes the job ({@code autoComplete}) and
 * fetches only the variables the parameters name. All are idempotent: reading twice gives the same
 * answer; a decision delivered twice meets a newer version (refused, the process reads again); mails
 * carry a dedup key. Public: the SDK invokes them reflectively.
 */
@Component
public class CommitmentWorkers {

    /** The commitment forms' fields, which a decision task leaves in the process. */
    static final List<String> FORM_FIELDS = List.of(
            Variables.DECISION,
            Variables.REASON,
            Variables.EVIDENCE,
            Variables.NEW_DUE_DATE,
            Variables.NEW_DESCRIPTION,
            Variables.NEW_OWNER_USERNAME,
            Variables.ANSWER_ID);

    private final CommitmentProcessSteps steps;

    CommitmentWorkers(CommitmentProcessSteps steps) {
        this.steps = steps;
    }

    /**
     * The decision task's answer as the decide step reads it: the commitment, the version the process
     * read, the commitment forms' decision fields (see {@link CommitmentDecision#fromForm}) and the id
     * of the text kept for it; {@code reason}, {@code evidence} and {@code newDescription} are only
     * sent by processes whose step completed before text was kept in PostgreSQL.
     */
    public record DecisionJob(
            long commitmentId,
            long commitmentVersion,
            String decision,
            String reason,
            String evidence,
            String newDueDate,
            String newDescription,
            String newOwnerUsername,
            Long answerId) {

        Map<String, Object> form() {
            Map<String, Object> form = new HashMap<>();
            form.put(Variables.DECISION, decision);
            form.put(Variables.REASON, reason);
            form.put(Variables.EVIDENCE, evidence);
            form.put(Variables.NEW_DUE_DATE, newDueDate);
            form.put(Variables.NEW_DESCRIPTION, newDescription);
            form.put(Variables.NEW_OWNER_USERNAME, newOwnerUsername);
            return form;
        }
    }

    /** Routes the next step; clears the last form's values so a later task never sees stale ones. */
    @JobWorker(autoComplete = true, type = CommitmentBpmn.READ_JOB_TYPE)
    public Map<String, Object> read(
            @Variable(name = Bpmn.Variables.COMMITMENT_ID) long commitmentId, @ProcessInstanceKey long instance) {
        CommitmentStep s = steps.read(commitmentId, instance);
        Map<String, Object> v = new HashMap<>(); // null values clear the last form's fields
        v.put(Variables.STAGE, s.stage().key());
        v.put(Variables.VERSION, s.version());
        v.put(Bpmn.Variables.ACCOUNT_ID, s.accountId());
        v.put(Variables.OWNER_USERNAME, s.ownerUsername());
        v.put(Variables.MADE_BY_USERNAME, s.madeByUsername());
        v.put(Variables.DELIVERING_TEAM, s.deliveringTeam());
        v.put(Variables.VERIFYING_TEAM, s.verifyingTeam());
        v.put(Variables.ESCALATE_TO_USERNAME, s.escalateToUsername());
        v.put(Variables.DUE_AT, s.dueAt().toString());
        v.put(Variables.REMINDER_AT, s.reminderAt().toString());
        FORM_FIELDS.forEach(field -> v.put(field, null));
        return v;
    }

    /** A refused decision (bad value, or overtaken by another change) is a BPMN error: the process reads again. */
    @JobWorker(autoComplete = true, type = CommitmentBpmn.DECIDE_JOB_TYPE)
    public void decide(@VariablesAsType DecisionJob job) {
        try {
            steps.decide(
                    job.commitmentId(),
                    job.commitmentVersion(),
                    CommitmentDecision.fromForm(job.form()),
                    job.answerId());
        } catch (BadRequestException | ConflictException refused) {
            throw CamundaError.bpmnError(CommitmentBpmn.ERROR_DECISION_REFUSED, refused.getMessage());
        }
    }

    @JobWorker(autoComplete = true, type = CommitmentBpmn.REMIND_JOB_TYPE)
    public void remind(@Variable(name = Bpmn.Variables.COMMITMENT_ID) long commitmentId) {
        steps.remind(commitmentId);
    }

    /** Hands the overdue decision the manager of whoever owns the commitment now (see {@link CommitmentProcessSteps#escalate}). */
    @JobWorker(autoComplete = true, type = CommitmentBpmn.ESCALATE_JOB_TYPE)
    public Map<String, Object> escalate(@Variable(name = Bpmn.Variables.COMMITMENT_ID) long commitmentId) {
        return Map.of(Variables.ESCALATE_TO_USERNAME, steps.escalate(commitmentId));
    }
}
