package dev.baton.people;

import java.util.List;

/**
 * The playbook runs a person launched that act with their rights (see {@link LaunchedRun}). The
 * playbook module implements it; people asks it without depending on playbook.
 */
public interface LaunchedRuns {

    /**
     * The runs {@code username} launched from the catalogue that are still running and may come to a
     * building block, oldest first. What Baton can know: the runs it recorded starting (a start whose
     * record failed, which Baton logs, is missing), less those the engine says have ended. A run the
     * engine could not be asked about (it did not answer) is listed as {@link LaunchedRun.State#UNKNOWN}
     * with the reason, not as running, and the listing logs it at WARN.
     *
     * @param username the launcher's user name
     * @return the runs, empty when there are none
     * @throws RuntimeException when Baton's own records cannot be read (not when the engine does not answer)
     */
    List<LaunchedRun> runningLaunchedBy(String username);
}
