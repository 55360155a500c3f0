package dev.baton.task;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A feature's say in completing its own steps, before anything is committed or sent to the engine:
 * it checks the answer against its records (refusing it with a message at the field while the task
 * stays open, so the process never has to refuse it later), keeps what belongs in PostgreSQL there
 * (a handover note's text), and returns the variables the process gets (ids and decisions only).
 * One handler per form key; a form without a handler completes with its validated values.
 */
public interface TaskCompletionHandler {

    /** The form keys ({@code zeebe:formDefinition formKey}) whose tasks this handler completes. */
    Set<String> formKeys();

    /**
     * Runs in the completing transaction before the form's own validation, once the task is found open
     * and assigned to {@code actor}: a feature refuses an answer in its own words where the form's
     * generic check would refuse it in others (a select's "must be one of …" for a person its rules do
     * not allow), or puts the answer in the form's terms (the user name a select offers for an e-mail).
     * Nothing may change here.
     *
     * @param submitted the answer as sent (JSON from the API, text from the page)
     * @return the answer the form then checks; by default {@code submitted} itself
     * @throws InvalidFormValues (via {@link #refuse}) to refuse the answer: nothing changes, the task stays open
     */
    default Map<String, ?> beforeForm(Task task, Map<String, ?> submitted, String actor) {
        return submitted;
    }

    /**
     * Runs in the completing transaction, after the form's own validation (required fields, lengths,
     * options) has passed, before the task is marked completing.
     *
     * @param task the open task, assigned to {@code actor}
     * @param values the validated form values, by form field key (strings, numbers, booleans)
     * @param actor the username of the person completing it
     * @return the variables to complete the step's job with; they are also the task's recorded outcome
     * @throws InvalidFormValues (via {@link #refuse}) to refuse the answer: nothing changes, the task stays open
     */
    Map<String, Object> complete(Task task, Map<String, Object> values, String actor);

    /**
     * What {@link #complete} kept in PostgreSQL that stays although the process did not take the answer:
     * it closed the step first (a deadline, an escalation, a cancel), and the person is told so ({@link
     * TaskWithdrawn}). Said to them in the same message, so that it does not claim the answer left no
     * trace where it did (found by a probe: a handover note was kept while the refusal said nothing was).
     *
     * @param task the task, now canceled, with its form key
     * @return e.g. "the note you wrote is kept with the account's handover"; empty (the default) when
     *     {@code complete} keeps nothing of its own
     */
    default Optional<String> keptWhenWithdrawn(Task task) {
        return Optional.empty();
    }

    /**
     * The process did not take the answer {@link #complete} checked: the engine refused it for good (the task
     * is open again, with the reason) or the process closed the step first (the task is canceled, {@link
     * TaskWithdrawn}). Runs in the transaction that records this on the task, also when a retry of the
     * completion finds it out long after the person's request. Undoes what {@code complete} kept that only
     * the process's taking of the answer would have used (a question waiting to be asked, a line for a mail
     * the process would have sent): left, it would wait for an answer that never comes, or be read by a
     * later one. What stays whatever the process did is said by {@link #keptWhenWithdrawn}.
     *
     * @param task the task, canceled or open again, with its form key and account
     */
    default void notTaken(Task task) {}

    /**
     * For a field of the answer that names a new owner of work ({@code newOwnerUsername}), the rule {@link
     * #complete} judges that person by, beyond {@code PeopleService#newOwner} (active, not leaving): the work's
     * delivering team, when it checks {@code ReportingLines#mayGiveWorkTo} with that team. What the task page's
     * type-ahead offers then (its "assign" purpose), so that it offers exactly whom the answer accepts (session
     * 43's probe: a commitment's step offered anyone who could take work, and its save refused most of them).
     *
     * @param task the task, with its subject
     * @param field the form field's key
     * @return empty (the default) when the answer does not judge the field so; else the work the person is given
     */
    default Optional<GivenWork> givenWork(Task task, String field) {
        return Optional.empty();
    }

    /**
     * Work an answer gives its new owner, as {@code ReportingLines#mayGiveWorkTo} judges whom: by the team that
     * will deliver it.
     *
     * @param deliveringTeam that team's key, or null when no team delivers it
     */
    record GivenWork(String deliveringTeam) {}

    /** Refuses the answer with a message per field (the field's key as the form names it). */
    static InvalidFormValues refuse(Map<String, String> errors) {
        return new InvalidFormValues(errors);
    }
}
