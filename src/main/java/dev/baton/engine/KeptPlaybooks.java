package dev.baton.engine;

import java.util.List;

/**
 * Implemented by the module that keeps uploaded playbooks: at start-up they are deployed again after
 * the bundled files (an in-memory engine forgets them; a cluster finds them unchanged). A bundled
 * file whose process id is among them is not deployed: the upload replaced it.
 */
public interface KeptPlaybooks {

    /** The playbooks to deploy again, oldest first. */
    List<PlaybookFiles> kept();
}
