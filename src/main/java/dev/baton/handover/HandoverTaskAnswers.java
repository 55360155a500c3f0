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
 *       index); the process gets only the decision ({@code acknowledgement}) or nothing;
 *   <li>asking a question needs the question, and a departing person who can still answer; a
 *       question refused here never becomes an acknowledgement (which would mail the customer);
 *   <li>a successor must be someone the rules allow (active, not the departing person, …);
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

    /** The after-leave form's field: "return" (the book goes back) or "keep". */
    static final String OWNERSHIP_AFTER_LEAVE = "ownershipAfterLeave";

    private final HandoverItems items;
    private final HandoverSteps steps;
    private final PeopleLookup people;
    private final SuccessorRules rules;
    private final BookReturnRules returns;

    HandoverTaskAnswers(
            HandoverItems items,
            HandoverSteps steps,
            PeopleLookup people,
            SuccessorRules rules,
            BookReturnRules returns) {
        this.items = items;
        this.steps = steps;
        this.people = people;
        this.rules = rules;
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
                yield Map.of("acknowledgement", values.get("acknowledgement"));
            }
            case ANSWER_FORM -> {
                steps.saveAnswer(item, (String) values.get("answer"));
                yield Map.of();
            }
            case INTRO_CALL_FORM -> {
                steps.recordIntroCall(item, (String) values.get("callSummary"));
                yield Map.of();
            }
            case CHOOSE_SUCCESSOR_FORM -> {
                Map<String, Object> answer = new LinkedHashMap<>(values);
                answer.put("successorUsername", successor(item, (String) values.get("successorUsername")));
                yield answer;
            }
            default -> values;
        };
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
    private String successor(HandoverItem item, String typed) {
        String name = typed == null ? "" : typed.trim();
        Optional<Person> chosen = people.byUsernameOrEmail(name);
        // not chosen.map(p -> problem or null): a usable person maps to null, i.e. to "nobody"
        String problem = chosen.isEmpty()
                ? "there is nobody with the user name or e-mail '" + name + "'"
                : rules.problem(chosen.get(), item.getHandover().getDeparting()).orElse(null);
        if (problem != null) {
            throw TaskCompletionHandler.refuse(Map.of("successorUsername", problem));
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
