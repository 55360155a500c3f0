package dev.baton.engine;

import java.util.List;
import java.util.Map;

/**
 * Implemented by the module that keeps uploaded playbooks: at start-up they are deployed again after
 * the bundled files (an in-memory engine forgets them; a cluster finds them unchanged), with the
 * upload's checks: one of a bundled file's process id (kept before such uploads were refused) is
 * refused and listed, and the bundled file runs.
 */
public interface KeptPlaybooks {

    /** The playbooks to deploy again, oldest first. */
    List<PlaybookFiles> kept();

    /**
     * The name of each kept process id's newest upload, by process id (null for a process with no name),
     * as the database has them: every upload committed before, on any Baton instance, which this
     * instance's catalogue ({@link DeployedPlaybooks}) learns only after the commit, or at its next start.
     * An upload's name check reads it under the upload's lock, so that two uploads cannot both take a name.
     *
     * @return empty when nothing is kept
     */
    default Map<String, String> keptNames() {
        return Map.of();
    }

    /**
     * For {@link #keptNames}: the names of a kept BPMN file's executable processes, by id in file order
     * (null for one with no name); empty when the file cannot be read.
     */
    static Map<String, String> processNames(String bpmn) {
        return PlaybookXml.processNames(bpmn);
    }
}
