package dev.baton.lead;

import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Answers to the lead steps, checked and kept before the step completes: a disqualification needs
 * its reason (refused at the field otherwise), which stays in PostgreSQL; the first touch is
 * recorded the moment the owner answers. The process gets the outcome only.
 */
@Component
class LeadTaskAnswers implements TaskCompletionHandler {

    static final String FIRST_TOUCH_FORM = "lead-first-touch";
    static final String OUTCOME_FORM = "lead-outcome";
    static final String OUTCOME = "outcome";
    static final String REASON = "reason";

    private final LeadFollowUp followUp;

    LeadTaskAnswers(LeadFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of(FIRST_TOUCH_FORM, OUTCOME_FORM);
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        String outcome = String.valueOf(values.get(OUTCOME));
        Object reason = values.get(REASON);
        if ("disqualified".equals(outcome)
                && (reason == null || reason.toString().isBlank())) {
            throw TaskCompletionHandler.refuse(Map.of(REASON, "say why the lead is disqualified"));
        }
        if (task.getSubject() == null) {
            throw TaskCompletionHandler.refuse(Map.of(OUTCOME, "this step names no lead"));
        }
        followUp.answer(
                task.getSubject().id(),
                FIRST_TOUCH_FORM.equals(task.getFormKey()),
                outcome,
                reason == null ? null : reason.toString(),
                actor);
        return Map.of(OUTCOME, outcome);
    }
}
