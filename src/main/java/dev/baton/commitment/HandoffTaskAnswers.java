package dev.baton.commitment;

import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Completes the handoff's kickoff step, which names the account's CS owner. The one answering must be
 * allowed to give that person the account ({@link SalesHandoff#requireMayHandTo}, the API's rule for
 * giving work), else the answer is refused at {@code csOwnerUsername}, the task stays open and nothing
 * changes: the "Assign CS owner" step that carries it out later asks nobody. So is an answer while a
 * handover started since is still to move the account (that step would fail on it). The process also gets who
 * answered it ({@code csOwnerChosenBy}, set here and never taken from the form), so that step names
 * that person on the audit trail, not {@code system}.
 */
@Component
class HandoffTaskAnswers implements TaskCompletionHandler {

    private final SalesHandoff handoff;

    HandoffTaskAnswers(SalesHandoff handoff) {
        this.handoff = handoff;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of("handoff-kickoff");
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        try {
            // the form requires it; checked exactly as the "Assign CS owner" step will read it
            Object named = values.get(SalesHandoff.CS_OWNER_USERNAME);
            handoff.requireMayHandTo(
                    task.getAccountId(), named == null ? "" : named.toString(), SalesHandoff.CS_OWNER_USERNAME, actor);
        } catch (BadRequestException refused) {
            throw TaskCompletionHandler.refuse(refused.getFieldErrors());
        } catch (AccessDeniedException | ConflictException refused) {
            throw TaskCompletionHandler.refuse(Map.of(SalesHandoff.CS_OWNER_USERNAME, refused.getMessage()));
        }
        Map<String, Object> variables = new HashMap<>(values);
        variables.put(SalesHandoff.CS_OWNER_CHOSEN_BY, actor);
        return variables;
    }
}
