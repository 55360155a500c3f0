package dev.baton.engine;

import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Camunda Modeler draws with its defaults that the engine accepts but runs otherwise than its
 * author expects: a step it skips. Found by the session 35 probe; each is refused at upload, naming
 * its element. Baton's own files are not held to these: they are tested against the engine.
 */
final class UploadFlowChecks {

    private UploadFlowChecks() {}

    /** Adds a problem naming its element for each rule the executable process breaks. */
    static void check(Element process, Map<String, String> names, List<PlaybookProblem> problems) {
        for (Element e : descendants(process)) {
            switch (e.getLocalName()) {
                case "task" -> doesNothing(e, "a plain task", names, problems);
                case "manualTask" -> doesNothing(e, "a manual task", names, problems);
                default -> {}
            }
        }
    }

    /**
     * Modeler's plain "Task" and "Manual task": the engine passes through them at once, so nobody is
     * asked to do the step and nothing is done (a probe's "Call the customer" was skipped silently).
     */
    private static void doesNothing(
            Element task, String kind, Map<String, String> names, List<PlaybookProblem> problems) {
        String id = task.getAttribute("id");
        String name = names.get(id);
        add(
                task,
                names,
                problems,
                "'" + (name == null ? id : name) + "' is " + kind + ", which does nothing in Camunda 8: the engine"
                        + " passes through it at once, and nobody is asked to do it. Make it a user task (someone does"
                        + " it) or a building block (Baton does it; listed on /playbooks/blocks)");
    }

    private static void add(Element e, Map<String, String> names, List<PlaybookProblem> problems, String message) {
        String id = e.getAttribute("id");
        problems.add(new PlaybookProblem(id, names.get(id), message));
    }

    private static List<Element> descendants(Element scope) {
        NodeList nodes = scope.getElementsByTagNameNS(PlaybookXml.BPMN, "*");
        List<Element> out = new java.util.ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
