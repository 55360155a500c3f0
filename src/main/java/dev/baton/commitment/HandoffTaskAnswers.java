package dev.baton.commitment;

import dev.baton.people.PeopleLookup;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
 * that person on the audit trail, not {@code system}. The kickoff's notes are kept on the account's
 * timeline, as the rep's list note is ({@link SalesHandoff#keepKickoffNotes}).
 */
@Component
class HandoffTaskAnswers implements TaskCompletionHandler {

    /** The kickoff's notes, kept on the account's timeline ({@link SalesHandoff#keepKickoffNotes}). */
    static final String KICKOFF_NOTES = "kickoffNotes";

    private final SalesHandoff handoff;
    private final PeopleLookup people;

    HandoffTaskAnswers(SalesHandoff handoff, PeopleLookup people) {
        this.handoff = handoff;
        this.people = people;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of("handoff-kickoff");
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        String csOwner;
        try {
            // typed as a user name or e-mail in any case, or a full name, as elsewhere (found by the session 35
            // probe: "Cora" and cora@baton.example were "nobody"); the process gets the user name the
            // "Assign CS owner" step reads, checked exactly as that step will read it
            Object named = values.get(SalesHandoff.CS_OWNER_USERNAME);
            csOwner = people.typed(named == null ? "" : named.toString(), SalesHandoff.CS_OWNER_USERNAME)
                    .getUsername();
            handoff.requireMayHandTo(task.getAccountId(), csOwner, SalesHandoff.CS_OWNER_USERNAME, actor);
        } catch (BadRequestException refused) {
            throw TaskCompletionHandler.refuse(refused.getFieldErrors());
        } catch (AccessDeniedException | ConflictException refused) {
            throw TaskCompletionHandler.refuse(Map.of(SalesHandoff.CS_OWNER_USERNAME, refused.getMessage()));
        }
        Object notes = values.get(KICKOFF_NOTES);
        if (task.getAccountId() != null && notes != null && !notes.toString().isBlank()) {
            handoff.keepKickoffNotes(task.getId(), task.getAccountId(), notes.toString(), actor);
        } else {
            handoff.dropListNote(task.getId()); // answered again without notes: taken back
        }
        Map<String, Object> variables = new HashMap<>(values);
        variables.put(SalesHandoff.CS_OWNER_USERNAME, csOwner);
        variables.put(SalesHandoff.CS_OWNER_CHOSEN_BY, actor);
        return variables;
    }

    /** The CS owner is judged by {@link SalesHandoff#requireMayHandTo}: an account customer success will serve. */
    @Override
    public Optional<GivenWork> givenWork(Task task, String field) {
        return SalesHandoff.CS_OWNER_USERNAME.equals(field)
                ? Optional.of(new GivenWork(handoff.csOwnerTeam()))
                : Optional.empty();
    }

    /**
     * The notes are kept on the account as the step completes ({@link #complete}); a step its process
     * closed first does not take them back, and the refusal says so when this task kept some.
     */
    @Override
    public Optional<String> keptWhenWithdrawn(Task task) {
        return handoff.listNoteKept(task.getId())
                ? Optional.of("your kickoff notes are kept on the account's timeline")
                : Optional.empty();
    }
}
