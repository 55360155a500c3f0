package dev.baton.engine;

import java.util.Collection;
import java.util.Map;

/**
 * Where Baton shows a run a feature started, for the admins' problems page ({@code /admin/problems},
 * {@code GET /api/admin/problems}): a step that failed for good links the page of its run ({@link
 * JobProblem#getRunKey}). The playbook catalogue answers for the runs it launched, the handovers for
 * theirs; a run no feature has a page for is shown by its key alone.
 */
public interface RunPages {

    /**
     * The pages of those of the runs this feature started that {@code viewer} may open, by the run's process
     * instance key, e.g. {@code /playbooks/instances/2251799813685473}; the others, and those the page would
     * answer the viewer with a 403, are left out (the problems page then shows the run's key without a link;
     * session 41's probe: revenue ops were linked to handovers' pages that refuse them). A query or two for all.
     *
     * @param runKeys process instance keys of runs (instances started on their own, at the top of their calls)
     * @param viewer the signed-in person's user name
     */
    Map<Long, String> pathsOf(Collection<Long> runKeys, String viewer);
}
