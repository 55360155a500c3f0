package dev.baton.commitment;

import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Completes the handoff's first step, where the rep confirms the sale's commitments are recorded: what
 * they write for customer success ({@code listNote}) is kept on the account as a note by them ({@link
 * SalesHandoff#keepListNote}), on its timeline. The process keeps it too, so that the kickoff's form
 * shows it to customer success (a read-only field). Found by the session 35 probe: nothing read it.
 * One note per task ({@link SalesHandoff#keepListNote}), gone when the task is answered again without one
 * ({@link SalesHandoff#dropListNote}); a refusal of a step its process closed first says the note is kept
 * ({@link #keptWhenWithdrawn}).
 */
@Component
class HandoffListAnswers implements TaskCompletionHandler {

    /** The list step's answer for customer success. */
    static final String LIST_NOTE = "listNote";

    private final SalesHandoff handoff;

    HandoffListAnswers(SalesHandoff handoff) {
        this.handoff = handoff;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of("handoff-list-commitments");
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        Object note = values.get(LIST_NOTE);
        if (task.getAccountId() != null && note != null && !note.toString().isBlank()) {
            handoff.keepListNote(task.getId(), task.getAccountId(), note.toString(), actor);
        } else {
            handoff.dropListNote(task.getId()); // answered again without one: the rep took it back
        }
        return values;
    }

    /**
     * The note is kept on the account as the step completes ({@link #complete}); a step its process
     * closed first does not take it back, and the refusal says so when this task kept one.
     */
    @Override
    public Optional<String> keptWhenWithdrawn(Task task) {
        return handoff.listNoteKept(task.getId())
                ? Optional.of("your note is kept on the account's timeline")
                : Optional.empty();
    }
}
