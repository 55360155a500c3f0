package dev.baton.task;

import java.time.LocalDate;
import java.util.List;

/**
 * The account's commitments as the task page lists them, provided by the commitment feature (which
 * depends on the inbox, not the other way round).
 */
public interface AccountCommitmentLines {

    /**
     * The account's commitments, nearest due date first.
     *
     * @param limit at most this many
     */
    List<Line> forAccount(long accountId, int limit);

    /**
     * @param status the status in words for people (e.g. "accepted", "awaiting renegotiation")
     * @param dueDate the due date (a calendar date, no zone), or null
     * @param overdue still open and past its due date
     */
    record Line(long id, String description, String status, LocalDate dueDate, boolean overdue) {}
}
