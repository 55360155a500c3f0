package dev.baton.task;

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
     * @param label the kind in words ("Commitment", "Handover")
     * @param title the record in words ("Price hold for the renewal", "Rob Miller's book")
     * @param href a link to the record's page (relative to the app), or null when it has none
     */
    record Summary(String type, long id, String label, String title, String href) {}
}
