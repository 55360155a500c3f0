package dev.baton.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

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
        ownProcesses(xml, names, own, problems);
        for (Element process : xml.all(PlaybookXml.BPMN, "process")) {
            if (!"false".equals(process.getAttribute("isExecutable"))) {
                startEvents(process, names, problems);
            }
        }
    }

    private static void ownProcesses(
            PlaybookXml xml, Map<String, String> names, Set<String> own, List<PlaybookProblem> problems) {
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

    /**
     * A playbook is launched from the catalogue, through a plain (none) start event: Baton publishes
     * its messages (lead-created, commitment-recorded, ...) to its own processes only, and no signal,
     * so a playbook with only a message or signal start event would never run, and one with only a
     * timer would start by itself with nothing a launch gives it. A process without any start event
     * is left to the engine's model check, which names that.
     */
    private static void startEvents(Element process, Map<String, String> names, List<PlaybookProblem> problems) {
        List<Element> starts = PlaybookXml.children(process, PlaybookXml.BPMN, "startEvent");
        if (starts.stream().anyMatch(start -> PlaybookXml.trigger(start) == null)) {
            return;
        }
        for (Element start : starts) {
            String id = start.getAttribute("id");
            String trigger = PlaybookXml.trigger(start);
            String why = "timer".equals(trigger)
                    ? "the engine would start the playbook by itself on the timer, without what a launch gives it"
                            + " (the account, the launcher), and nobody could launch it from the catalogue."
                    : "Baton starts an uploaded playbook only from the catalogue, through a plain start event, and"
                            + " publishes no " + trigger + " to it: nothing would ever start this playbook.";
            problems.add(new PlaybookProblem(
                    id,
                    names.get(id),
                    "a " + trigger + " start event, and the playbook has no plain start event: " + why
                            + " Make it a plain start event (no event type, in Camunda Modeler)"));
        }
    }
}
