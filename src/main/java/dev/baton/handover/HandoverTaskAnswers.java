package dev.baton.handover;

import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import dev.baton.task.TaskSubject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers to the handover's steps, checked and kept before the step completes:
 * <ul>
 *   <li>what people write — the note, the successor's question, the departing person's answer, the
 *       introduction call's summary — is stored on the account's handover item (and its audit trail)
 *       here, so its text never travels through process variables (nor into Operate and its search
 *       index); the process gets only the decision ({@code acknowledgement}) or nothing. A question is
 *       asked only once the process takes the answer ({@link HandoverSteps#acknowledge}): unlike a note,
 *       it is a request, and a step its process closed first (the refusal's 409) asks nobody;
 *   <li>asking a question needs the question, and a departing person who can still answer; a
 *       question refused here never becomes an acknowledgement (which would mail the customer);
 *   <li>a successor must be someone the launch plan would allow ({@link SuccessorCandidates}), checked
 *       before the form's own check so that a refusal says why in the plan's words; an e-mail is taken
 *       for the user name the form's select offers ({@link SuccessorChoices});
 *   <li>who decides, after a leave, who keeps the book goes to the process with the decision ({@link
 *       HandoverClosing#OWNERSHIP_DECIDED_BY}, never from the form), so the moves that carry it out
 *       are audited in their name; giving the book back is asked of whoever answers as the API asks
 *       it of the moves it makes ({@link BookReturnRules}), since the step may have been delegated or
 *       reassigned to anyone.
 * </ul>
 * A refusal keeps the task open with the reason at its field.
 */
@Component
class HandoverTaskAnswers implements TaskCompletionHandler {

    static final String NOTE_FORM = "handover-note";
    static final String ACKNOWLEDGE_FORM = "handover-acknowledge";
    static final String CHOOSE_SUCCESSOR_FORM = "handover-choose-successor";
    static final String ANSWER_FORM = "handover-answer";
    static final String INTRO_CALL_FORM = "handover-intro-call";
    static final String AFTER_LEAVE_FORM = "handover-after-leave";

    /** The choose-successor form's field: the successor's user name. */
    static final String SUCCESSOR = "successorUsername";

    /** The after-leave form's field: "return" (the book goes back) or "keep". */
    static final String OWNERSHIP_AFTER_LEAVE = "ownershipAfterLeave";

    private final HandoverItems items;
    private final HandoverSteps steps;
    private final PeopleLookup people;
    private final SuccessorCandidates candidates;
    private final BookReturnRules returns;

    HandoverTaskAnswers(
            HandoverItems items,
            HandoverSteps steps,
            PeopleLookup people,
            SuccessorCandidates candidates,
            BookReturnRules returns) {
        this.items = items;
        this.steps = steps;
        this.people = people;
        this.candidates = candidates;
        this.returns = returns;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of(
                NOTE_FORM, ACKNOWLEDGE_FORM, CHOOSE_SUCCESSOR_FORM, ANSWER_FORM, INTRO_CALL_FORM, AFTER_LEAVE_FORM);
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        if (AFTER_LEAVE_FORM.equals(task.getFormKey())) {
            // about the whole book, not one account
            checkReturn(task, values, actor);
            Map<String, Object> decision = new LinkedHashMap<>(values);
            decision.put(HandoverClosing.OWNERSHIP_DECIDED_BY, actor);
            return decision;
        }
        HandoverItem item = item(task);
        return switch (task.getFormKey()) {
            case NOTE_FORM -> {
                Map<String, Object> note = new LinkedHashMap<>();
                HandoverSteps.NOTE_FIELDS.forEach(f -> note.put(f, values.get(f)));
                steps.answerNote(item, note, actor);
                yield Map.of();
            }
            case ACKNOWLEDGE_FORM -> {
                checkQuestion(item, values);
                if ("ask".equals(values.get("acknowledgement"))) {
                    steps.askQuestion(item, (String) values.get("question"), actor);
                }
                if ("acknowledge".equals(values.get("acknowledgement"))) {
                    item.introPersonalLine((String) values.get("personalLine"));
                }
                // who answered, for the acknowledgement's audit (their name on the account's timeline, not Baton's)
                yield Map.of("acknowledgement", values.get("acknowledgement"), HandoverSteps.ACKNOWLEDGED_BY, actor);
            }
            case ANSWER_FORM -> {
                steps.saveAnswer(item, (String) values.get("answer"), actor);
                yield Map.of();
            }
            case INTRO_CALL_FORM -> {
                steps.recordIntroCall(item, (String) values.get("callSummary"));
                yield Map.of();
            }
            default -> values; // a successor was checked before the form, which took only one offered now
        };
    }

    /**
     * What people wrote is kept on the account's handover item as they answer ({@link #complete}); a step
     * its process closed first does not take it back, and the refusal says so. Not an acknowledgement's
     * question or personal line: {@link #notTaken} drops them, so the refusal says nothing of them.
     */
    @Override
    public Optional<String> keptWhenWithdrawn(Task task) {
        return Optional.ofNullable(
                switch (task.getFormKey()) {
                    case NOTE_FORM -> "the note you wrote is kept with the account's handover";
                    case ANSWER_FORM -> "your answer is kept with the account's handover";
                    case INTRO_CALL_FORM -> "the call's summary is kept with the account's handover";
                    default -> null;
                });
    }

    /**
     * An acknowledgement the process did not take keeps neither its question waiting nor its personal line
     * ({@link HandoverItem#acknowledgementNotTaken}): nothing after it reads them (found by the session 36
     * review: a withdrawn question stayed in {@code asked_question} until another replaced it, and the line
     * for a customer mail that a canceled run never sends stayed on the item, unsaid in the 409). The other
     * steps' texts stay ({@link #keptWhenWithdrawn}).
     */
    @Override
    public void notTaken(Task task) {
        TaskSubject subject = task.getSubject();
        if (ACKNOWLEDGE_FORM.equals(task.getFormKey())
                && subject != null
                && HandoverTaskSubject.SUBJECT_TYPE.equals(subject.type())
                && task.getAccountId() != null) {
            // never throws: the task's cancellation is recorded in this transaction whatever is found
            items.findForAnswerByHandoverIdAndAccountId(subject.id(), task.getAccountId())
                    .ifPresent(HandoverItem::acknowledgementNotTaken);
        }
    }

    /** A chosen successor, refused in the launch plan's words, or as the user name the form offers. */
    @Override
    public Map<String, ?> beforeForm(Task task, Map<String, ?> submitted, String actor) {
        if (!CHOOSE_SUCCESSOR_FORM.equals(task.getFormKey())
                || !(submitted.get(SUCCESSOR) instanceof String typed)
                || typed.isBlank()) {
            return submitted; // the form says what is missing or malformed
        }
        Map<String, Object> answer = new LinkedHashMap<>(submitted);
        answer.put(SUCCESSOR, successor(item(task).getHandover(), typed));
        return answer;
    }

    /** The settle step that carries out "return" asks nobody: whoever answers must be allowed now, as in the API. */
    private void checkReturn(Task task, Map<String, Object> values, String actor) {
        if (!"return".equals(values.get(OWNERSHIP_AFTER_LEAVE))) {
            return;
        }
        TaskSubject subject = task.getSubject();
        if (subject == null || !HandoverTaskSubject.SUBJECT_TYPE.equals(subject.type())) {
            throw new IllegalStateException("task " + task.getId() + " of form " + task.getFormKey()
                    + " is not about a handover (baton:subjectType / subjectId missing)");
        }
        try {
            returns.requireMayReturn(subject.id(), actor, OWNERSHIP_AFTER_LEAVE);
        } catch (BadRequestException refused) {
            throw TaskCompletionHandler.refuse(Map.of(
                    OWNERSHIP_AFTER_LEAVE,
                    String.join("; ", refused.getFieldErrors().values()) + ": let the successors keep the accounts"));
        } catch (AccessDeniedException refused) {
            throw TaskCompletionHandler.refuse(Map.of(
                    OWNERSHIP_AFTER_LEAVE,
                    refused.getMessage() + ": let the successors keep the accounts, or ask someone who may"));
        }
    }

    private void checkQuestion(HandoverItem item, Map<String, Object> values) {
        if (!"ask".equals(values.get("acknowledgement"))) {
            return;
        }
        Object question = values.get("question");
        if (question == null || question.toString().isBlank()) {
            throw TaskCompletionHandler.refuse(
                    Map.of("question", "write your question, or choose to take the account over"));
        }
        if (!steps.departingReachable(item.getHandover())) {
            throw TaskCompletionHandler.refuse(Map.of(
                    "acknowledgement",
                    item.getHandover().getDeparting().getFullName()
                            + " has left and can no longer answer: take the account over, or ask your manager"));
        }
    }

    /** The chosen person's user name; found by user name or e-mail (case-insensitive). */
    private String successor(Handover h, String typed) {
        String name = typed.trim();
        Optional<Person> chosen = people.byUsernameOrEmail(name);
        String problem = chosen.isEmpty()
                ? "there is nobody with the user name or e-mail '" + name + "'"
                : candidates.notEligible(chosen.get(), h);
        if (problem != null) {
            throw TaskCompletionHandler.refuse(Map.of(SUCCESSOR, problem));
        }
        return chosen.get().getUsername();
    }

    private HandoverItem item(Task task) {
        TaskSubject subject = task.getSubject();
        if (subject == null
                || !HandoverTaskSubject.SUBJECT_TYPE.equals(subject.type())
                || task.getAccountId() == null) {
            throw new IllegalStateException("task " + task.getId() + " of form " + task.getFormKey()
                    + " is not about one account of a handover (baton:subjectType / subjectId / accountId missing)");
        }
        return items.findForAnswerByHandoverIdAndAccountId(subject.id(), task.getAccountId())
                .orElseThrow(() -> new NotFoundException("handover item for account", task.getAccountId()));
    }
}
