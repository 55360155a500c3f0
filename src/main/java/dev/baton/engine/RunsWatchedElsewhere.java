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

    /** The roles that open the pages of a manager's line (handovers, renewals, contact reviews). */
    java.util.Set<String> MANAGERS = java.util.Set.of("ADMIN", "MANAGER");

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
     * @param openTo the roles that may open the page (ADMIN, MANAGER, ...); empty: everyone signed in. The
     *     catalogue names the page only to them (session 41's probe: reps and revenue ops were linked to pages
     *     that answer 403)
     */
    record Watched(String startedBy, String pageName, String pagePath, java.util.Set<String> openTo) {

        public Watched {
            openTo = openTo == null ? java.util.Set.of() : java.util.Set.copyOf(openTo);
        }

        /** A page everyone signed in may open. */
        public Watched(String startedBy, String pageName, String pagePath) {
            this(startedBy, pageName, pagePath, java.util.Set.of());
        }

        /**
         * As a reader with {@code roles} sees it: without the page when they may not open it.
         *
         * @param roles the reader's roles (ADMIN, MANAGER, ...)
         */
        public Watched seenBy(java.util.Collection<String> roles) {
            return openTo.isEmpty() || roles.stream().anyMatch(openTo::contains)
                    ? this
                    : new Watched(startedBy, null, null, openTo);
        }
    }
}
