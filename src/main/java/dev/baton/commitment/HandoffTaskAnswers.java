package dev.baton.commitment;

import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Completes the handoff's kickoff step, which names the account's CS owner: the process also gets who
 * answered it ({@code csOwnerChosenBy}, set here and never taken from the form), so the "Assign CS
 * owner" step that carries the answer out names that person on the audit trail, not {@code system}.
 */
@Component
class HandoffTaskAnswers implements TaskCompletionHandler {

    @Override
    public Set<String> formKeys() {
        return Set.of("handoff-kickoff");
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        Map<String, Object> variables = new HashMap<>(values);
        variables.put(SalesHandoff.CS_OWNER_CHOSEN_BY, actor);
        return variables;
    }
}
