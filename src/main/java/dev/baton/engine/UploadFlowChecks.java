package dev.baton.engine;

import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Camunda Modeler draws with its defaults that the engine accepts but runs otherwise than its
 * author expects: a step it skips, a path it never takes, an incident on every run. Found by the session 35 probe; each is refused at upload, naming
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
                case "exclusiveGateway" -> exclusiveGateway(e, process, names, problems);
                case "endEvent" -> {
                    if ("error".equals(PlaybookXml.trigger(e)) && !caught(e)) {
                        add(
                                e,
                                names,
                                problems,
                                "an error end event nothing catches (no error boundary event on a subprocess around"
                                        + " it, no error event subprocess): every run that reaches it would stop here"
                                        + " with an incident. End with a plain end event (no event type, in Camunda"
                                        + " Modeler), or draw it inside a subprocess with an error boundary event that"
                                        + " takes the failure path");
                    }
                }
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

    /**
     * An exclusive gateway with two or more ways out takes the first flow whose condition holds, else
     * its default flow; a flow with neither a condition nor the default mark is never taken, and when no
     * flow has a condition and none is the default, every run stops at the gateway with an incident (a
     * probe's "Approved?" with Modeler's unconditioned "yes" and "no").
     */
    private static void exclusiveGateway(
            Element gateway, Element process, Map<String, String> names, List<PlaybookProblem> problems) {
        String id = gateway.getAttribute("id");
        String byDefault = gateway.getAttribute("default");
        List<Element> out = descendants(process).stream()
                .filter(f -> "sequenceFlow".equals(f.getLocalName()) && id.equals(f.getAttribute("sourceRef")))
                .toList();
        if (out.size() < 2) {
            return;
        }
        List<Element> unconditioned = out.stream()
                .filter(f -> !f.getAttribute("id").equals(byDefault))
                .filter(f -> PlaybookXml.children(f, PlaybookXml.BPMN, "conditionExpression").stream()
                        .allMatch(c -> c.getTextContent().isBlank()))
                .toList();
        if (unconditioned.isEmpty()) {
            return;
        }
        String flows = String.join(
                ", ",
                unconditioned.stream()
                        .map(f -> UploadChecks.label(f.getAttribute("id"), names))
                        .toList());
        boolean stuck = byDefault.isBlank() && unconditioned.size() == out.size();
        add(
                gateway,
                names,
                problems,
                "an exclusive gateway whose outgoing flow" + (unconditioned.size() == 1 ? " " : "s ") + flows
                        + (unconditioned.size() == 1 ? " has" : " have")
                        + " no condition and " + (unconditioned.size() == 1 ? "is" : "are")
                        + " not its default flow: the engine never takes "
                        + (unconditioned.size() == 1 ? "it" : "them")
                        + (stuck ? ", and as no flow has a condition, every run would stop here with an incident" : "")
                        + ". Give each flow a condition (Condition expression, in Camunda Modeler, e.g. ="
                        + " approved = true), and mark one the default flow (Set as default flow) for when none holds");
    }

    /**
     * Whether an error event can catch what the end event throws: an error boundary event on a
     * subprocess around it, or an error event subprocess in a scope around it. Error codes are not
     * matched (as in {@link UnreachableCatchChecks}), so nothing is refused that a catch might take.
     */
    private static boolean caught(Element end) {
        Element scope = end.getParentNode() instanceof Element parent ? parent : null;
        while (scope != null && PlaybookXml.BPMN.equals(scope.getNamespaceURI())) {
            String scopeId = scope.getAttribute("id");
            Element container = scope.getParentNode() instanceof Element parent ? parent : null;
            for (Element sibling : container == null ? List.<Element>of() : childElements(container)) {
                if ("boundaryEvent".equals(sibling.getLocalName())
                        && scopeId.equals(sibling.getAttribute("attachedToRef"))
                        && "error".equals(PlaybookXml.trigger(sibling))) {
                    return true;
                }
            }
            for (Element child : childElements(scope)) {
                if ("subProcess".equals(child.getLocalName())
                        && "true".equals(child.getAttribute("triggeredByEvent"))
                        && child != end.getParentNode()
                        && PlaybookXml.children(child, PlaybookXml.BPMN, "startEvent").stream()
                                .anyMatch(start -> "error".equals(PlaybookXml.trigger(start)))) {
                    return true;
                }
            }
            if ("process".equals(scope.getLocalName())) {
                return false;
            }
            scope = container;
        }
        return false;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> out = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
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
