package dev.baton.task;

import java.util.List;
import java.util.Optional;

/**
 * Implemented by a feature whose records tasks can be about (commitment, handover): it describes
 * one of its records for the inbox and the task page, so the task module never reads another
 * feature's tables. One bean per {@link #type()}.
 */
public interface TaskSubjectSource {

    /** The kind this source describes, as written in the models' {@code baton:subjectType} header. */
    String type();

    /**
     * The subject as a person reads it; empty when the record no longer exists.
     *
     * @param id the subject's id
     * @param accountId the task's account, or null: lets a source link to a per-account page
     */
    Optional<Summary> describe(long id, Long accountId);

    /**
     * The subject as a task mail names it when the task has no account, so that someone with several such tasks can
     * tell the mails apart ("New task: First touch · Pat Lead at Acme", as an account's task names the account).
     * Empty by default: the mail names nothing.
     *
     * @param id the subject's id
     * @return the name, empty when the record no longer exists or the mail should name none
     */
    default Optional<String> mailName(long id) {
        return Optional.empty();
    }

    /**
     * The record's own words, shortened, that a "New task" mail's subject quotes beside the step's name, so that
     * two steps of one name about two records of one account are told apart ("New task: Assign owner · \"Price
     * hold for the renewal\" · Acme"; session 43's probe: two commitments' steps had one subject). Empty by
     * default: the subject quotes nothing.
     *
     * @param id the subject's id
     * @return the words, empty when the record no longer exists or the subject should quote none
     */
    default Optional<String> mailWords(long id) {
        return Optional.empty();
    }

    /**
     * What the person needs beside the form of one step, in reading order: the note to acknowledge,
     * the question to answer, the delivery to verify, the mail the step will send. Empty by default.
     *
     * @param id the subject's id
     * @param accountId the task's account, or null
     * @param formKey the step's form key (e.g. {@code handover-acknowledge}), or null
     */
    default List<Context> context(long id, Long accountId, String formKey) {
        return List.of();
    }

    /**
     * One piece of a step's context.
     *
     * @param heading what it is ("The handover note", "Question from Sam Successor")
     * @param text the text itself (plain; line breaks kept)
     * @param byline who wrote or did it and when, in words, or null
     * @param mail whether it previews a mail the step sends (shown as a letter)
     */
    record Context(String heading, String text, String byline, boolean mail, List<Link> links) {

        /** {@code links}: the records the text is about, each a line of its own (none: an empty list). */
        public Context {
            links = links == null ? List.of() : List.copyOf(links);
        }

        /** A piece without links. */
        public Context(String heading, String text, String byline, boolean mail) {
            this(heading, text, byline, mail, List.of());
        }
    }

    /**
     * A record a context piece lists, in words, with its page.
     *
     * @param text the record as a person reads it ("Lead: Jane Doe (Acme) — First touch, owned by Rob Miller")
     * @param href its page, relative to the app ("/leads/1"), or null when it has none
     */
    record Link(String text, String href) {}

    /**
     * @param label the kind in words ("Commitment", "Handover")
     * @param title the record in words ("Price hold for the renewal", "Rob Miller's book")
     * @param href a link to the record's page (relative to the app), or null when it has none
     */
    record Summary(String type, long id, String label, String title, String href) {}
}
