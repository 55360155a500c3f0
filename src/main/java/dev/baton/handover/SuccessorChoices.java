package dev.baton.handover;

import dev.baton.task.Task;
import dev.baton.task.TaskFormDefaults;
import dev.baton.task.TaskSubject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people the manager may choose in "Choose successor": the form's select reads them from {@value
 * #CHOICES} ({@code valuesKey}, bpmn/forms/handover-choose-successor.form). They are worked out each
 * time the form is shown or answered, by the rules of the launch plan and of a changed successor
 * ({@link SuccessorCandidates}), not kept in the process: a list from the handover's start would go on
 * offering a rep who has since left, and never the rep the manager has just added to the team.
 */
@Component
class SuccessorChoices implements TaskFormDefaults {

    /** The form data the select reads its options from: {@code [{value: username, label}]}. */
    static final String CHOICES = "successorChoices";

    private final Handovers handovers;
    private final SuccessorCandidates candidates;

    SuccessorChoices(Handovers handovers, SuccessorCandidates candidates) {
        this.handovers = handovers;
        this.candidates = candidates;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of(HandoverTaskAnswers.CHOOSE_SUCCESSOR_FORM);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> defaults(Task task) {
        TaskSubject subject = task.getSubject();
        if (subject == null || !HandoverTaskSubject.SUBJECT_TYPE.equals(subject.type())) {
            return Map.of();
        }
        return handovers
                .findById(subject.id())
                .<Map<String, Object>>map(h -> Map.of(CHOICES, options(candidates.successors(h))))
                .orElse(Map.of());
    }

    /** "Sam Lee (sam), 12 accounts", and why they cannot act today if they are away. */
    private static List<Map<String, Object>> options(List<SuccessorCandidates.Candidate> people) {
        return people.stream()
                .<Map<String, Object>>map(c -> Map.of(
                        "value",
                        c.username(),
                        "label",
                        c.fullName() + " (" + c.username() + "), " + c.accounts()
                                + (c.accounts() == 1 ? " account" : " accounts")
                                + (c.away() == null ? "" : " (" + c.away() + ")")))
                .toList();
    }
}
