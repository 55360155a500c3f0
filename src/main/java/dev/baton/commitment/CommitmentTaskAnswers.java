package dev.baton.commitment;

import dev.baton.shared.BadRequestException;
import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks an answer to a commitment step with the rules the process applies ({@link
 * CommitmentProcessSteps#check}) before the step completes: a "reopen" without a reason, or a
 * reschedule to a past date, is refused at its field while the task stays open, instead of being
 * refused by the process afterwards and coming back as a new, unexplained task.
 */
@Component
class CommitmentTaskAnswers implements TaskCompletionHandler {

    private final CommitmentProcessSteps steps;

    CommitmentTaskAnswers(CommitmentProcessSteps steps) {
        this.steps = steps;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of(
                "commitment-accept",
                "commitment-assign-owner",
                "commitment-deliver",
                "commitment-overdue",
                "commitment-renegotiate",
                "commitment-verify");
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        try {
            steps.check(CommitmentDecision.fromForm(values));
        } catch (BadRequestException refused) {
            throw TaskCompletionHandler.refuse(refused.getFieldErrors());
        }
        return values;
    }
}
