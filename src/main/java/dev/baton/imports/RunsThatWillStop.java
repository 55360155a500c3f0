package dev.baton.imports;

import dev.baton.people.LaunchedRun;
import java.util.List;

/**
 * What a people row that deactivates someone active does to the playbook runs they launched, as
 * {@code POST /api/people/{id}/deactivate} tells it: each still running run that may come to a
 * building block stops there, because blocks act with the launcher's rights and someone who has left
 * has none (ADR 014).
 *
 * @param row the row that deactivates them, numbered as a spreadsheet shows it (the header is row 1)
 * @param personId who they are ({@code /people/{personId}})
 * @param username their user name
 * @param fullName their full name, as Baton has it before the row is written
 * @param runs the runs, oldest first, each running or of unknown state (the engine did not answer
 *     about it: {@link LaunchedRun#state}); empty only when they could not be listed ({@code problem})
 * @param problem null when the runs are listed; else why they could not be (the listing failed, e.g.
 *     the engine did not answer): the row deactivates them all the same
 */
public record RunsThatWillStop(
        long row, long personId, String username, String fullName, List<LaunchedRun> runs, String problem) {

    /** What an import says of a row whose person's runs could not be listed. */
    static final String NOT_LISTED = "the playbook runs they launched could not be listed (is the engine reachable?):"
            + " those still running stop at their next building block all the same";
}
