package dev.baton.engine;

import java.util.Map;

/**
 * The processes a feature starts itself from its own records, without the catalogue seeing the start
 * (a message start event, or a call from such a run), and where their runs are watched instead. The
 * playbook catalogue ({@code /playbooks}, {@code GET /api/playbooks}) counts only the runs it records
 * and cannot count these: it says so for them and links the page named here (session 40's probe: a rep
 * handover, 13 account handovers and 30 commitments ran while the catalogue said "Running 0").
 */
public interface RunsWatchedElsewhere {

    /**
     * Where the runs of each process this feature starts itself are watched.
     *
     * @return by process id (e.g. {@code rep-handover}); empty when the feature starts none
     */
    Map<String, Watched> watched();

    /**
     * @param startedBy what starts a run, as a sentence's end reads it ("launching a handover")
     * @param pageName the page where the runs are watched ("Handovers"), or null when there is none
     * @param pagePath that page's path ({@code /handovers}), null with {@code pageName}
     */
    record Watched(String startedBy, String pageName, String pagePath) {}
}
