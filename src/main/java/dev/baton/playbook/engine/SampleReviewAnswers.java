package dev.baton.playbook.engine;

import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The sample review's answer: the process gets the form's values (already checked by the form's own
 * rules, which refuse text a note could not hold) and who gave them ({@code reviewedBy}, a user
 * name), since {@link ReviewRecorder} logs the review in the reviewer's name, not the launcher's.
 */
@Component
class SampleReviewAnswers implements TaskCompletionHandler {

    @Override
    public Set<String> formKeys() {
        return Set.of(SampleReviewBpmn.FORM_KEY);
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        Map<String, Object> variables = new HashMap<>(values);
        variables.put(SampleReviewBpmn.REVIEWED_BY, actor);
        return variables;
    }
}
