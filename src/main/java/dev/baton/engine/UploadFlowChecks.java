package dev.baton.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Camunda Modeler draws with its defaults that the engine accepts but runs otherwise than its
 * author expects: a step it skips, a path it never takes, an incident on every run, a wait nothing
 * ends. Found by the session 35 probe; each is refused at upload, naming
 * its element. Baton's own files are not held to these: they are tested against the engine.
 */
final class UploadFlowChecks {

    private UploadFlowChecks() {}

    /**
     * Adds a problem naming its element for each rule the executable process breaks. An error end event
     * nothing in the file catches is not one of them: the engine passes the error up to a call activity
     * that called the process, whose error boundary may take it, and no upload can know its future callers
     * (a run launched on its own stops there with an incident, listed as stuck).
     */
    static void check(Element process, Map<String, String> names, List<PlaybookProblem> problems) {
        for (Element e : descendants(process)) {
            switch (e.getLocalName()) {
                case "task" -> doesNothing(e, "a plain task", names, problems);
                case "manualTask" -> doesNothing(e, "a manual task", names, problems);
                case "exclusiveGateway" -> conditionedGateway(e, "an exclusive", process, names, problems);
                case "inclusiveGateway" -> conditionedGateway(e, "an inclusive", process, names, problems);
                case "adHocSubProcess" -> adHocSubprocess(e, names, problems);
                case "startEvent" -> startForm(e, names, problems);
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
     * A start form (a start event linking a form): a launch from the catalogue neither shows it nor
     * checks its fields, so its required fields and rules were never applied (a probe's). Baton checks a
     * form where it shows one, on a user task.
     */
    private static void startForm(Element start, Map<String, String> names, List<PlaybookProblem> problems) {
        List<Element> forms = PlaybookXml.children(start, PlaybookXml.BPMN, "extensionElements").stream()
                .flatMap(ext -> PlaybookXml.children(ext, PlaybookXml.ZEEBE, "formDefinition").stream())
                .toList();
        if (forms.isEmpty()) {
            return;
        }
        Element form = forms.getFirst();
        String named = !form.getAttribute("formId").isBlank()
                ? " '" + form.getAttribute("formId") + "'"
                : !form.getAttribute("formKey").isBlank() ? " '" + form.getAttribute("formKey") + "'" : "";
        add(
                start,
                names,
                problems,
                "links the start form" + named + ", which Baton does not use: a launch from the catalogue neither"
                        + " shows it nor checks its fields, so its required fields and rules would never apply."
                        + " Remove it from the start event, and put its fields on the first user task (Form, in"
                        + " Camunda Modeler)");
    }

    /**
     * An ad-hoc subprocess activates the elements its active elements collection names when it starts,
     * and otherwise only those an API call activates, which nothing in Baton makes: as Modeler draws it
     * (no active elements), it activated nothing and the run waited in it forever, with no incident (a
     * probe's). One implemented by a job worker ({@code zeebe:taskDefinition}) is held to the job type
     * rules instead.
     */
    private static void adHocSubprocess(Element subprocess, Map<String, String> names, List<PlaybookProblem> problems) {
        List<Element> extensions = PlaybookXml.children(subprocess, PlaybookXml.BPMN, "extensionElements");
        boolean active = extensions.stream()
                .flatMap(ext -> PlaybookXml.children(ext, PlaybookXml.ZEEBE, "adHoc").stream())
                .anyMatch(
                        adHoc -> !adHoc.getAttribute("activeElementsCollection").isBlank());
        boolean jobWorker = extensions.stream()
                .anyMatch(ext -> !PlaybookXml.children(ext, PlaybookXml.ZEEBE, "taskDefinition")
                        .isEmpty());
        if (!active && !jobWorker) {
            add(
                    subprocess,
                    names,
                    problems,
                    "an ad-hoc subprocess with no active elements: it starts none of its steps, and nothing in Baton"
                            + " starts one later, so the run would wait forever in it (no incident, no step in"
                            + " anyone's inbox). Name the steps to start in Active elements (Camunda Modeler, e.g."
                            + " =[\"Task_call\"] or a list variable), or draw the steps in sequence");
        }
    }

    /**
     * Waits for a signal that no element of the file and no deployed playbook throws: Baton broadcasts
     * no signal itself, so such a wait never ended, with no incident (a probe's "Wait for go"), as a wait
     * for a message did (refused by {@link UploadChecks}). Signals between playbooks still work: one
     * thrown by a deployed playbook may be waited for. One the file throws itself may not (session 39's
     * probe): the engine broadcasts a signal to every waiting run, so one run's throw ended the wait of
     * every other run of the playbook, on other accounts, where its author meant "once this run got
     * there". A signal start event of a process with no plain start event is refused by {@link
     * UploadChecks} already, and one beside the plain start event when the playbook needs what a launch
     * gives; beside it, one whose signal nothing throws is refused here.
     */
    static void signalWaits(
            Element process,
            PlaybookXml xml,
            Map<String, String> names,
            Set<String> thrown,
            List<PlaybookProblem> problems) {
        Map<String, String> signals = new HashMap<>();
        for (Element signal : xml.all(PlaybookXml.BPMN, "signal")) {
            signals.put(signal.getAttribute("id"), PlaybookXml.blankToNull(signal.getAttribute("name")));
        }
        boolean launchable = PlaybookXml.children(process, PlaybookXml.BPMN, "startEvent").stream()
                .anyMatch(start -> PlaybookXml.trigger(start) == null);
        for (Element e : descendants(process)) {
            if (!"signal".equals(PlaybookXml.trigger(e))) {
                continue;
            }
            // the process's own signal start: refused by UploadChecks with no plain start event, and beside
            // one where the playbook needs what a launch gives; here only when nothing throws its signal
            boolean processStart = "startEvent".equals(e.getLocalName()) && e.getParentNode() == process;
            String kind = switch (e.getLocalName()) {
                case "intermediateCatchEvent" -> "a signal catch event, waiting for";
                case "boundaryEvent" -> "a signal boundary event, waiting for";
                case "startEvent" ->
                    processStart
                            ? (launchable ? "a signal start event, started by" : null)
                            : "the start of an event subprocess, started by";
                default -> null; // a signal throw or end event throws one
            };
            String signal = signals.get(PlaybookXml.children(e, PlaybookXml.BPMN, "signalEventDefinition")
                    .getFirst()
                    .getAttribute("signalRef"));
            if (kind == null || signal == null) {
                continue; // a signal with no name is left to the engine's model check
            }
            Element thrower = processStart ? null : throwerOf(process, signals, signal);
            if (thrower != null) {
                add(
                        e,
                        names,
                        problems,
                        kind + " the signal '" + signal + "', which this playbook throws itself at "
                                + UploadChecks.label(thrower.getAttribute("id"), names) + ": the engine sends a"
                                + " signal to every run waiting for it, of every playbook and on every account, so"
                                + " one run's throw would end this wait in all the runs at once, not only in its own"
                                + " (a probe's \"Wait until live\" on one account was ended by another account's"
                                + " throw). To wait within one run until another path is done, join the paths with"
                                + " a parallel gateway or draw them in sequence; to end the wait in many runs at"
                                + " once, throw the signal from a playbook of its own");
                continue;
            }
            if (thrown.contains(signal)) {
                continue;
            }
            add(
                    e,
                    names,
                    problems,
                    kind + " the signal '" + signal + "', which no element of this file or of a deployed playbook"
                            + " throws, and Baton sends no signal itself: it would wait forever. Throw it from a"
                            + " playbook deployed first (a signal end or throw event of that name), or wait with a"
                            + " timer for a time, with a user task for a person's answer");
        }
    }

    /** The process's first signal throw or end event that throws the signal of that name, or null. */
    private static Element throwerOf(Element process, Map<String, String> signals, String signal) {
        for (Element e : descendants(process)) {
            if (("intermediateThrowEvent".equals(e.getLocalName()) || "endEvent".equals(e.getLocalName()))
                    && "signal".equals(PlaybookXml.trigger(e))
                    && signal.equals(signals.get(PlaybookXml.children(e, PlaybookXml.BPMN, "signalEventDefinition")
                            .getFirst()
                            .getAttribute("signalRef")))) {
                return e;
            }
        }
        return null;
    }

    /**
     * An exclusive gateway with two or more ways out takes the first flow whose condition holds, else
     * its default flow; a flow with neither a condition nor the default mark is never taken, and when no
     * flow has a condition and none is the default, every run stops at the gateway with an incident (a
     * probe's "Approved?" with Modeler's unconditioned "yes" and "no"). An inclusive gateway takes every
     * flow whose condition holds, else its default flow; the engine refuses such a flow there, but only in
     * its own words at the flow's id ("Must have a condition", session 42's probe), so it is said the
     * same way (and the engine's words left out, {@link PlaybookChecks}).
     *
     * @param kind "an exclusive" or "an inclusive"
     */
    private static void conditionedGateway(
            Element gateway, String kind, Element process, Map<String, String> names, List<PlaybookProblem> problems) {
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
                kind + " gateway whose outgoing flow" + (unconditioned.size() == 1 ? " " : "s ") + flows
                        + (unconditioned.size() == 1 ? " has" : " have")
                        + " no condition and " + (unconditioned.size() == 1 ? "is" : "are")
                        + " not its default flow: the engine never takes "
                        + (unconditioned.size() == 1 ? "it" : "them")
                        + (stuck ? ", and as no flow has a condition, every run would stop here with an incident" : "")
                        + ". Give each flow a condition (Condition expression, in Camunda Modeler, e.g. ="
                        + " approved = true), and mark one the default flow (Set as default flow) for when none holds");
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
