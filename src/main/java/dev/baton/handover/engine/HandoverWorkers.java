package dev.baton.handover.engine;

import dev.baton.handover.HandoverClosing;
import dev.baton.handover.HandoverService;
import dev.baton.handover.HandoverSteps;
import dev.baton.handover.InvalidSuccessor;
import dev.baton.handover.engine.HandoverBpmn.Jobs;
import dev.baton.handover.engine.HandoverBpmn.Vars;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The handover processes' automated steps. Each takes ids (and a form's fields) as typed variables,
 * makes ONE call to the handover services, which are idempotent, and returns only the new variables.
 * The SDK completes the job with them ({@code autoComplete}), sending the completion without waiting:
 * the business change is committed already, and a completion that gets lost only means the job comes
 * back and the idempotent step runs again. Only the {@code @Variable}s are fetched (the SDK derives
 * {@code fetchVariables} from them). Public because the Spring SDK invokes these reflectively.
 */
@Component
public class HandoverWorkers {

    private final HandoverService handovers;
    private final HandoverSteps steps;
    private final HandoverClosing closing;
    private final TransferFailures transferFailures;

    HandoverWorkers(
            HandoverService handovers,
            HandoverSteps steps,
            HandoverClosing closing,
            TransferFailures transferFailures) {
        this.handovers = handovers;
        this.steps = steps;
        this.closing = closing;
        this.transferFailures = transferFailures;
    }

    /** What {@link #prepare} hands the account's process: usernames for assignment, the note's due date. */
    public record Prepared(
            long accountId,
            long handoverId,
            String departingUsername,
            String noteAuthor,
            String managerUsername,
            String successorUsername,
            String noteDueAt,
            boolean introOptOut) {}

    /**
     * The item, its note's author and the note form's fields ({@link HandoverSteps#NOTE_FIELDS}), which
     * only a step completed around Baton still carries (see {@link #saveNote}).
     */
    public record NoteJob(
            long handoverItemId,
            String noteAuthor,
            String relationshipSummary,
            String keyContacts,
            String historyHighlights,
            String openCommitmentsAndRisks,
            String contactsToReverify) {

        /** The note as stored, or none when the job carries no field. */
        Optional<Map<String, Object>> note() {
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("relationshipSummary", relationshipSummary);
            note.put("keyContacts", keyContacts);
            note.put("historyHighlights", historyHighlights);
            note.put("openCommitmentsAndRisks", openCommitmentsAndRisks);
            note.put("contactsToReverify", contactsToReverify);
            return note.values().stream().anyMatch(Objects::nonNull) ? Optional.of(note) : Optional.empty();
        }
    }

    @JobWorker(autoComplete = true, type = Jobs.RECORD_START)
    public void recordStart(@Variable(name = Vars.HANDOVER_ID) long handoverId, @ProcessInstanceKey long instance) {
        handovers.started(handoverId, instance);
    }

    @JobWorker(autoComplete = true, type = Jobs.PREPARE)
    public Prepared prepare(@Variable(name = Vars.ITEM_ID) long itemId) {
        HandoverSteps.AccountStart s = steps.prepare(itemId);
        // the effective-date timer hands the note's authorship to the manager
        return new Prepared(
                s.accountId(),
                s.handoverId(),
                s.departing(),
                s.departing(),
                s.manager(),
                s.successor(),
                s.noteDueAt().toString(),
                s.introOptOut());
    }

    /** An unusable successor is the BPMN error the model catches: the manager is asked again. */
    @JobWorker(autoComplete = true, type = Jobs.RECORD_SUCCESSOR)
    public Map<String, Object> recordSuccessor(
            @Variable(name = Vars.ITEM_ID) long itemId, @Variable(name = Vars.SUCCESSOR) String successor) {
        try {
            return Map.of(Vars.SUCCESSOR, steps.chooseSuccessor(itemId, successor));
        } catch (InvalidSuccessor unusable) {
            throw CamundaError.bpmnError(HandoverBpmn.INVALID_SUCCESSOR_ERROR, unusable.getMessage());
        }
    }

    /**
     * The task page stores the note when the author completes the step (HandoverTaskAnswers), so its
     * text stays out of the engine. Only a step completed around Baton (another client, or an instance
     * from before that change) still carries the fields; they are stored here.
     */
    @JobWorker(autoComplete = true, type = Jobs.SAVE_NOTE)
    public void saveNote(@VariablesAsType NoteJob job) {
        job.note().ifPresent(note -> steps.saveNote(job.handoverItemId(), note, job.noteAuthor()));
    }

    /**
     * Hands the process the successor the account went to: the manager may have changed it since the
     * start (amending the handover), and the acknowledgement and call are assigned from this variable.
     * A failure no retry cures stops the step where its manager sees it ({@link TransferFailures}); a
     * success resolves the problem such a failure listed.
     */
    @JobWorker(autoComplete = true, type = Jobs.TRANSFER)
    public Map<String, Object> transfer(@Variable(name = Vars.ITEM_ID) long itemId, ActivatedJob job) {
        HandoverSteps.Transferred moved;
        try {
            moved = steps.transferOwnership(itemId);
        } catch (RuntimeException e) {
            throw transferFailures.failed(itemId, job, e);
        }
        if (moved.failedBefore()) {
            // after the move's commit. Should Baton stop between the two, the problem stays listed
            // while the item shows the account moved: a second delivery finds no failure left
            transferFailures.succeeded(job, moved.successor());
        }
        return Map.of(Vars.SUCCESSOR, moved.successor());
    }

    @JobWorker(autoComplete = true, type = Jobs.RECORD_ACKNOWLEDGEMENT)
    public Map<String, Object> recordAcknowledgement(
            @Variable(name = Vars.ITEM_ID) long itemId,
            @Variable(name = Vars.ACKNOWLEDGEMENT) String acknowledgement,
            // only processes started before questions were kept by the completing step send it
            @Variable(name = Vars.QUESTION, optional = true) String question,
            // only processes whose step completed since Baton passed it on send it
            @Variable(name = Vars.ACKNOWLEDGED_BY, optional = true) String acknowledgedBy) {
        HandoverSteps.Acknowledged a =
                steps.acknowledge(itemId, "ask".equals(acknowledgement), question, acknowledgedBy);
        return a.questionOpen()
                ? Map.of(Vars.QUESTION_OPEN, true)
                : Map.of(
                        Vars.QUESTION_OPEN,
                        false,
                        Vars.INTRO_CALL_DUE_AT,
                        a.introCallDueAt().toString(),
                        Vars.INTRO_REMINDER_AT,
                        a.introReminderAt().toString());
    }

    @JobWorker(autoComplete = true, type = Jobs.SAVE_ANSWER)
    public void saveAnswer(
            @Variable(name = Vars.ITEM_ID) long itemId, @Variable(name = Vars.ANSWER, optional = true) String answer) {
        // the completing step kept the answer (HandoverTaskAnswers); older processes still carry it
        if (answer != null) {
            steps.saveAnswer(itemId, answer);
        }
    }

    /** The departing person left without answering: the successor is told why the account is back with them. */
    @JobWorker(autoComplete = true, type = Jobs.QUESTION_UNANSWERED)
    public void questionUnanswered(@Variable(name = Vars.ITEM_ID) long itemId) {
        steps.questionUnanswered(itemId);
    }

    @JobWorker(autoComplete = true, type = Jobs.SEND_INTRO)
    public void sendIntroduction(@Variable(name = Vars.ITEM_ID) long itemId) {
        steps.sendIntroduction(itemId);
    }

    @JobWorker(autoComplete = true, type = Jobs.REMIND_CALL)
    public void remindIntroCall(
            @Variable(name = Vars.ITEM_ID) long itemId, @Variable(name = Vars.INTRO_CALL_DUE_AT) String callDueAt) {
        steps.remindIntroCall(itemId, Instant.parse(callDueAt));
    }

    @JobWorker(autoComplete = true, type = Jobs.ESCALATE_CALL)
    public void escalateIntroCall(
            @Variable(name = Vars.ITEM_ID) long itemId, @Variable(name = Vars.INTRO_CALL_DUE_AT) String callDueAt) {
        steps.escalateIntroCall(itemId, Instant.parse(callDueAt));
    }

    @JobWorker(autoComplete = true, type = Jobs.RECORD_CALL)
    public void recordIntroCall(
            @Variable(name = Vars.ITEM_ID) long itemId,
            @Variable(name = Vars.CALL_SUMMARY, optional = true) String summary) {
        // usually recorded with its summary as the step completed (HandoverTaskAnswers): then a no-op
        steps.recordIntroCall(itemId, summary);
    }

    @JobWorker(autoComplete = true, type = Jobs.CHECK_ORPHANS)
    public Map<String, Object> checkOrphans(@Variable(name = Vars.HANDOVER_ID) long handoverId) {
        return Map.of(Vars.ORPHANS, closing.check(handoverId).total());
    }

    @JobWorker(autoComplete = true, type = Jobs.SEND_SUMMARY)
    public void sendSummary(@Variable(name = Vars.HANDOVER_ID) long handoverId) {
        closing.complete(handoverId);
    }

    /** Carries out the decision after a leave, in the name of who made it ({@link HandoverClosing#settleLeave}). */
    @JobWorker(autoComplete = true, type = Jobs.SETTLE_LEAVE)
    public void settleLeave(
            @Variable(name = Vars.HANDOVER_ID) long handoverId,
            @Variable(name = Vars.OWNERSHIP_AFTER_LEAVE) String ownershipAfterLeave,
            @Variable(name = Vars.OWNERSHIP_DECIDED_BY, optional = true) String decidedBy) {
        closing.settleLeave(handoverId, "return".equals(ownershipAfterLeave), decidedBy);
    }
}
