package dev.baton.account;

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
     * @param from full name of the person who handed the account over; {@code to} the successor's
     * @param sections the note's parts in form order: label and text, blank parts left out
     */
    record Note(long handoverId, String writtenBy, Instant writtenAt, String from, String to, List<Section> sections) {}

    record Section(String label, String text) {}

    /** The account's notes, newest first; empty when it was never handed over. */
    List<Note> of(Long accountId);
}
