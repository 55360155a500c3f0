package dev.baton.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The handover notes written for an account, kept on it for good: the knowledge transfer the next
 * successor, a manager or customer success reads a year later. Owned here, implemented by the handover
 * feature, so the account depends on no handover code.
 */
public interface HandoverNotes {

    /**
     * @param handoverId the handover the note was written for
     * @param writtenBy full name of the author (the departing person, or the manager who wrote it instead)
     * @param writtenAt when it was saved (null for notes written before this was recorded)
     * @param from full name of the person who handed the account over (or was handing it over); {@code to}
     *     the successor's, null while the manager has not chosen one
     * @param stage whether the account moved with this handover: a note is kept whatever came of it
     * @param sections the note's parts in form order: label and text, blank parts left out
     */
    @Schema(name = "AccountHandoverNote") // the note batch has a Note of its own: one schema name each
    record Note(
            long handoverId,
            String writtenBy,
            Instant writtenAt,
            String from,
            String to,
            Stage stage,
            List<Section> sections) {}

    /** Where the account stands in the handover the note was written for. */
    enum Stage {
        /** The account moved to the successor. */
        MOVED,
        /** The handover still runs and the account has not moved yet (its move may have failed). */
        UNDER_WAY,
        /** The handover was canceled before the account moved: it stayed with {@code from}. */
        CANCELED
    }

    record Section(String label, String text) {}

    /** The account's notes, newest first; empty when it was never handed over. */
    List<Note> of(Long accountId);
}
