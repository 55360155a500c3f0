package dev.baton.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An uploaded playbook's error and escalation catches that nothing can ever throw to: the author
 * drew a path for a failure that Baton reports otherwise. In an upload only Baton's building blocks
 * and user tasks do work, and neither throws a BPMN error or escalation: a block that fails fails its
 * job with no retries, an incident on the run (JobFailures), and Baton completes a user task's job
 * when someone completes the step. A probe's error boundary on {@code baton.update-account} was
 * accepted, and the run stopped as an incident with the path behind the boundary never taken. Only a
 * called process (its error or escalation end event) or an event inside the scope can throw, so
 * catches on call activities stay allowed, and catches on an embedded subprocess when something inside
 * it, however deep, may throw one (an error or escalation end or throw event, a call activity): a
 * probe's error boundary on a subprocess of blocks and user tasks was accepted though it could never
 * fire. Error and escalation codes are not matched: a catch of another code than the one thrown, or a
 * throw caught again inside, would take rules of the engine's (expression codes, catch-alls, the
 * nearest catch) to tell apart, and a catch that some path might reach is never refused. Baton's own
 * files are not held to this: some of its internal workers do throw BPMN errors.
 */
final class UnreachableCatchChecks {

    /** The embedded subprocesses: a catch on one may fire when an element inside it may throw. */
    private static final Set<String> SUBPROCESSES = Set.of("subProcess", "transaction", "adHocSubProcess");

    private static final Set<String> CATCHES = Set.of("error", "escalation");

    private UnreachableCatchChecks() {}

    /**
     * Adds a problem for each catch of the process that can never fire: an error or escalation boundary event
     * on a task (the engine refuses an escalation one itself, in words that say nothing of what to draw
     * instead), an error or escalation boundary event on an embedded subprocess, or an error or escalation
     * event subprocess, in a scope where nothing can throw one.
     */
    static void check(Element process, Map<String, String> names, List<PlaybookProblem> problems) {
        Map<String, Element> byId = new HashMap<>();
        List<Element> all = descendants(process);
        all.forEach(e -> byId.put(e.getAttribute("id"), e));
        for (Element e : all) {
            String trigger = PlaybookXml.trigger(e);
            if (trigger == null || !CATCHES.contains(trigger)) {
                continue;
            }
            if ("boundaryEvent".equals(e.getLocalName())) {
                Element attached = byId.get(e.getAttribute("attachedToRef"));
                if (attached == null || "callActivity".equals(attached.getLocalName())) {
                    continue; // a called process may throw anything
                }
                if (SUBPROCESSES.contains(attached.getLocalName())) {
                    if (!mayThrow(attached, trigger)) {
                        subprocessBoundary(e, attached, trigger, names, problems);
                    }
                } else {
                    // an escalation boundary on a task the engine refuses too, in words that said nothing of what
                    // to draw instead (session 39's probe): PlaybookChecks keeps Baton's words for it
                    boundary(e, attached, trigger, names, problems);
                }
            } else if ("startEvent".equals(e.getLocalName())
                    && e.getParentNode() instanceof Element subprocess
                    && "true".equals(subprocess.getAttribute("triggeredByEvent"))
                    && !mayThrow((Element) subprocess.getParentNode(), trigger)) {
                eventSubprocess(e, subprocess, trigger, names, problems);
            }
        }
    }

    private static void boundary(
            Element boundary, Element task, String trigger, Map<String, String> names, List<PlaybookProblem> problems) {
        boolean job = !PlaybookXml.children(task, PlaybookXml.BPMN, "extensionElements").stream()
                .flatMap(ext -> PlaybookXml.children(ext, PlaybookXml.ZEEBE, "taskDefinition").stream())
                .toList()
                .isEmpty();
        String why = "userTask".equals(task.getLocalName())
                ? "Baton completes a user task when someone completes the step, and never throws a BPMN " + trigger
                        + " from it. To branch on the answer, use a form field and a gateway after the task; to act"
                        + " when a step takes too long, a timer boundary event"
                : job
                        ? "Baton's building blocks throw no BPMN " + trigger + "s; a block that fails stops the run"
                                + " as an incident, shown on the run's page and to admins under Problems"
                                + " (/playbooks/blocks). To branch on a result, use the block's output and a gateway"
                        : "only a job worker or a called process throws a BPMN " + trigger
                                + ", and no worker works on this task";
        if ("escalation".equals(trigger)) {
            why += " (the engine takes an escalation boundary event only on a subprocess or a call activity, where"
                    + " an escalation end or throw event inside may throw one)";
        }
        String id = boundary.getAttribute("id");
        problems.add(new PlaybookProblem(
                id,
                names.get(id),
                "the " + trigger + " boundary event " + UploadChecks.label(id, names) + " on "
                        + UploadChecks.label(task.getAttribute("id"), names) + " can never be taken: " + why));
    }

    private static void subprocessBoundary(
            Element boundary,
            Element subprocess,
            String trigger,
            Map<String, String> names,
            List<PlaybookProblem> problems) {
        add(
                boundary,
                names,
                problems,
                "the " + trigger + " boundary event " + UploadChecks.label(boundary.getAttribute("id"), names)
                        + " on the subprocess " + UploadChecks.label(subprocess.getAttribute("id"), names)
                        + " can never be taken: " + nothingThrows("inside it", trigger));
    }

    private static void eventSubprocess(
            Element start,
            Element subprocess,
            String trigger,
            Map<String, String> names,
            List<PlaybookProblem> problems) {
        add(
                start,
                names,
                problems,
                "the " + trigger + " event subprocess " + UploadChecks.label(subprocess.getAttribute("id"), names)
                        + " can never start: " + nothingThrows("around it", trigger));
    }

    private static void add(Element e, Map<String, String> names, List<PlaybookProblem> problems, String message) {
        String id = e.getAttribute("id");
        problems.add(new PlaybookProblem(id, names.get(id), message));
    }

    /** Why a catch of a scope where nothing throws never fires, and what to draw instead. */
    private static String nothingThrows(String where, String trigger) {
        return "nothing " + where + " throws a BPMN " + trigger + " (no " + trigger + " end event, no call"
                + " activity), and Baton's building blocks and user tasks throw none; a block that fails stops the"
                + " run as an incident, shown on the run's page and to admins under Problems. To branch on a"
                + " result, use the block's output and a gateway";
    }

    /**
     * Whether anything in the scope may throw the error or escalation: an end or throw event of that
     * kind, or a call activity (its process may end in one), however deep. Codes are not matched, so
     * nothing is refused that some path could reach.
     */
    private static boolean mayThrow(Element scope, String trigger) {
        for (Element e : descendants(scope)) {
            boolean thrower = "endEvent".equals(e.getLocalName()) || "intermediateThrowEvent".equals(e.getLocalName());
            if ("callActivity".equals(e.getLocalName()) || (thrower && trigger.equals(PlaybookXml.trigger(e)))) {
                return true;
            }
        }
        return false;
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
