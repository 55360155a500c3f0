package dev.baton.engine;

import java.util.List;

/**
 * Implemented by the module that keeps uploaded playbooks: at start-up they are deployed again after
 * the bundled files (an in-memory engine forgets them; a cluster finds them unchanged), with the
 * upload's checks: one of a bundled file's process id (kept before such uploads were refused) is
 * refused and listed, and the bundled file runs.
 */
public interface KeptPlaybooks {

    /** The playbooks to deploy again, oldest first. */
    List<PlaybookFiles> kept();
}
