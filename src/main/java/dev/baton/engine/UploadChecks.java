package dev.baton.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an uploaded playbook may not do that Baton's own files (bpmn/) do: an upload is drawn by
 * revenue ops in Camunda Modeler and launched from the catalogue, while Baton's own processes are
 * started by Baton's code (a lead, a commitment, a handover) and run its internal steps.
 */
final class UploadChecks {

    private UploadChecks() {}

    /**
     * Adds a problem naming its element for each rule the upload breaks.
     *
     * @param own the process ids of Baton's own files
     */
    static void check(PlaybookXml xml, Map<String, String> names, Set<String> own, List<PlaybookProblem> problems) {
        for (PlaybookXml.ProcessInfo process : xml.processes()) {
            if (own.contains(process.id())) {
                // Baton starts its own processes by a message or by id with variables of its own: an
                // upload in their place is the newest version, so leads or commitments would silently
                // never start (and a restart deploys the newest upload again)
                problems.add(new PlaybookProblem(
                        process.id(),
                        names.get(process.id()),
                        "the process id '" + process.id() + "' is one of Baton's own processes, which Baton"
                                + " starts itself: an upload cannot replace it. Give the playbook another ID"
                                + " (Camunda Modeler: the process's ID)"));
            }
        }
    }
}
