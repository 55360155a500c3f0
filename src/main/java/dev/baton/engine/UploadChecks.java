package dev.baton.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What an uploaded playbook may not do that Baton's own files (bpmn/) do: an upload is drawn by
 * revenue ops in Camunda Modeler and launched from the catalogue, while Baton's own processes are
 * started by Baton's code (a lead, a commitment, a handover) and run its internal steps.
 */
final class UploadChecks {

    /**
     * The longest name a playbook or one of its elements may have. The catalogue, the inbox and a run's page show
     * names whole (a probe's 10,750-character name made the catalogue 5,570 px tall), and Baton keeps a task's
     * step and playbook names in 300 characters (a longer one could not be stored, and the step would not reach
     * the inbox). 200 is twice a long sentence, and what Baton allows a person's or a contact's name.
     */
    static final int MAX_NAME = 200;

    private UploadChecks() {}

    /**
     * Adds a problem naming its element for each rule the upload breaks.
     *
     * @param fileName the BPMN file's name, for a problem of the file as a whole
     * @param own the process ids of Baton's own files
     * @param ownLaunched those of them people launch from the catalogue (Baton's bundled playbooks, the
     *     sample review), to their names (empty for none); the others Baton starts itself
     * @param ownMessages the names of the messages Baton's own files wait for
     * @param deployedSignals the names of the signals a deployed playbook throws
     */
    static void check(
            String fileName,
            PlaybookXml xml,
            Map<String, String> names,
            Set<String> own,
            Map<String, String> ownLaunched,
            Set<String> ownMessages,
            Set<String> deployedSignals,
            List<PlaybookProblem> problems) {
        oneProcess(fileName, xml, names, problems);
        ownProcesses(xml, names, own, ownLaunched, problems);
        longNames(xml, problems);
        Map<String, String> messages = xml.messageNames();
        Set<String> thrown = new HashSet<>(deployedSignals);
        thrown.addAll(xml.thrownSignals());
        for (Element process : xml.all(PlaybookXml.BPMN, "process")) {
            if (PlaybookXml.executable(process)) {
                startEvents(process, names, problems);
                messageWaits(process, names, messages, ownMessages, problems);
                UnreachableCatchChecks.check(process, names, problems);
                UploadFlowChecks.check(process, names, problems);
                ParallelPathChecks.check(process, names, problems);
                UploadFlowChecks.signalWaits(process, xml, names, thrown, problems);
            }
        }
    }

    /**
     * A playbook is one process: the catalogue lists, launches and upgrades each executable process of
     * a file as a playbook of its own, and an upload is kept and deployed again as one file, so a second
     * executable process (a probe's file brought two) became a second playbook nobody meant to launch.
     * A pool that is not executable (Modeler's black-box pool, or one drawn with Executable off) is not
     * deployed, and is fine.
     */
    private static void oneProcess(
            String fileName, PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {
        List<String> processes =
                xml.processes().stream().map(p -> label(p.id(), names)).toList();
        if (processes.size() < 2) {
            return;
        }
        String listed = String.join(", ", processes.subList(0, processes.size() - 1)) + " and " + processes.getLast();
        problems.add(PlaybookProblem.ofFile(
                fileName,
                "a playbook is one process: this file has " + processes.size() + " executable processes, " + listed
                        + "; keep one, or mark the " + (processes.size() == 2 ? "other" : "others")
                        + " not executable in Camunda Modeler (Executable off). A process the playbook calls is"
                        + " uploaded as a playbook of its own first, then called by its ID"));
    }

    /**
     * A name over {@link #MAX_NAME} characters, the process's or one of its elements' (a step's name is the task's
     * name in the inbox), in an executable process. The problem quotes the name's start only.
     */
    private static void longNames(PlaybookXml xml, List<PlaybookProblem> problems) {
        for (Element process : xml.all(PlaybookXml.BPMN, "process")) {
            if (!PlaybookXml.executable(process)) {
                continue;
            }
            List<Element> named = new java.util.ArrayList<>(List.of(process));
            NodeList nodes = process.getElementsByTagNameNS(PlaybookXml.BPMN, "*");
            for (int i = 0; i < nodes.getLength(); i++) {
                named.add((Element) nodes.item(i));
            }
            for (Element e : named) {
                String id = e.getAttribute("id");
                if (id.codePointCount(0, id.length()) > MAX_NAME) {
                    // the inbox keeps a task's process and element ids in 200 characters: the step could not be
                    // stored, and would never reach anyone's inbox
                    problems.add(new PlaybookProblem(
                            id.substring(0, id.offsetByCodePoints(0, 60)) + "…",
                            null,
                            "the ID of " + (e == process ? "the playbook" : "this " + PlaybookXml.kind(e)) + " is "
                                    + String.format(java.util.Locale.ROOT, "%,d", id.codePointCount(0, id.length()))
                                    + " characters long; Baton takes IDs of at most " + MAX_NAME + " characters."
                                    + " Shorten it (Camunda Modeler: the ID in the properties panel)"));
                }
                String name = e.getAttribute("name");
                // characters as people count them (an emoji is one), as the database's columns count them
                int length = name.codePointCount(0, name.length());
                if (length <= MAX_NAME || !e.hasAttribute("id")) {
                    continue;
                }
                boolean isProcess = e == process;
                String where = isProcess ? "the process's Name" : "the element's Name";
                problems.add(new PlaybookProblem(
                        e.getAttribute("id"),
                        name.substring(0, name.offsetByCodePoints(0, 60)) + "…",
                        "the name of " + (isProcess ? "the playbook" : "this " + PlaybookXml.kind(e)) + " is "
                                + String.format(java.util.Locale.ROOT, "%,d", length)
                                + " characters long; Baton takes names of at most " + MAX_NAME + " characters, as"
                                + " the catalogue, the inbox and the run's page show them whole. Shorten it (Camunda"
                                + " Modeler: " + where + ")"
                                + (isProcess
                                        ? " and say the rest in its Documentation, which the catalogue shows under"
                                                + " the name"
                                        : "")));
            }
        }
    }

    private static void ownProcesses(
            PlaybookXml xml,
            Map<String, String> names,
            Set<String> own,
            Map<String, String> ownLaunched,
            List<PlaybookProblem> problems) {
        for (PlaybookXml.ProcessInfo process : xml.processes()) {
            if (own.contains(process.id())) {
                // Baton starts its own processes by a message or by id with variables of its own: an
                // upload in their place is the newest version, so leads or commitments would silently
                // never start (and a restart deploys the newest upload again); its bundled playbooks
                // (sample-review) are launched from the catalogue, and their runs and steps are Baton's
                String ownName = ownLaunched.get(process.id());
                String what = ownLaunched.containsKey(process.id())
                        ? "one of Baton's own playbooks"
                                + (ownName == null || ownName.isBlank() ? "" : " ('" + ownName + "')")
                                + ", launched from the catalogue"
                        : "one of Baton's own processes, which Baton starts itself";
                problems.add(new PlaybookProblem(
                        process.id(),
                        names.get(process.id()),
                        "the process id '" + process.id() + "' is " + what + ": an upload cannot replace it. Give"
                                + " the playbook another ID (Camunda Modeler: the process's ID)"));
                continue;
            }
            // the engine tells ids apart by case, people do not: a catalogue with both (found by the session 35
            // probe's LEAD-FOLLOW-UP) reads as one playbook twice
            own.stream()
                    .filter(id -> id.equalsIgnoreCase(process.id()))
                    .findFirst()
                    .ifPresent(id -> problems.add(new PlaybookProblem(
                            process.id(),
                            names.get(process.id()),
                            "the process id '" + process.id() + "' differs only in case from '" + id + "', one of"
                                    + " Baton's own processes: the catalogue would list both as one. Give the"
                                    + " playbook another ID (Camunda Modeler: the process's ID)")));
        }
    }

    /**
     * A playbook is launched from the catalogue, through a plain (none) start event: Baton publishes
     * no signal, so a playbook with only a signal start event would never run, and one with only a
     * timer would start by itself with nothing a launch gives it (a message start event is refused in
     * any case, by {@link #messageWaits}). A process without any start event is left to the engine's
     * model check, which names that.
     */
    private static void startEvents(Element process, Map<String, String> names, List<PlaybookProblem> problems) {
        List<Element> starts = PlaybookXml.children(process, PlaybookXml.BPMN, "startEvent");
        if (starts.stream().anyMatch(start -> PlaybookXml.trigger(start) == null)) {
            besidePlainStart(process, starts, names, problems);
            return;
        }
        for (Element start : starts) {
            String id = start.getAttribute("id");
            String trigger = PlaybookXml.trigger(start);
            if ("message".equals(trigger)) {
                continue;
            }
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

    /**
     * A signal or timer start event beside the plain one, in a playbook that needs what a launch gives
     * (the account, {@code accountOwner}, {@code ownerManager}, {@code launchedBy}: {@link AccountUse}): the
     * engine starts the playbook by itself when the signal is thrown (by any run of any playbook) or the
     * timer fires, a run nobody launched, with none of them, so the first step that needs one stops on an
     * incident. The session 39 probe's "Campaign went live" start was started by another playbook's throw:
     * its first step, assigned to {@code =accountOwner}, stopped on an incident no page showed. A playbook
     * that needs none of them (a weekly review for a team) may keep such a start. A message start event
     * is refused by {@link #messageWaits} already.
     */
    private static void besidePlainStart(
            Element process, List<Element> starts, Map<String, String> names, List<PlaybookProblem> problems) {
        String needs = AccountUse.neededBy(process);
        if (needs == null) {
            needs = AccountUse.launchVariablesNeededBy(process).values().stream()
                    .findFirst()
                    .orElse(null);
        }
        if (needs == null) {
            return;
        }
        for (Element start : starts) {
            String trigger = PlaybookXml.trigger(start);
            if (trigger == null || "message".equals(trigger)) {
                continue;
            }
            String id = start.getAttribute("id");
            String by = "signal".equals(trigger)
                    ? "whenever any run of any playbook throws its signal"
                    : "timer".equals(trigger) ? "whenever its timer fires" : "on its own";
            problems.add(new PlaybookProblem(
                    id,
                    names.get(id),
                    "a " + trigger + " start event beside the plain one: the engine would start the playbook by"
                            + " itself " + by + ", a run nobody launched, with no account and no launcher, and "
                            + needs + ", so that step would stop on an incident. Baton gives a run its account"
                            + " and launcher when someone launches it from the catalogue, through the plain start"
                            + " event: remove this start event (to react to the " + trigger + " in a run under"
                            + " way, draw a " + trigger + " boundary or intermediate catch event on its path)"));
        }
    }

    /**
     * Baton publishes its messages (lead-created, commitment-recorded, ...) to its own processes only,
     * and nothing else sends one to an uploaded playbook: an element waiting for a message would wait
     * forever, and showed nobody anything (no step, no incident). Worse, a wait for one of Baton's own
     * messages is correlated with Baton's internal events: a message start event beside the plain one
     * started the playbook, building blocks and all, whenever a user recorded a commitment.
     */
    private static void messageWaits(
            Element process,
            Map<String, String> names,
            Map<String, String> messages,
            Set<String> ownMessages,
            List<PlaybookProblem> problems) {
        Map<String, String> afterGateway = eventGatewayBranches(process);
        NodeList nodes = process.getElementsByTagNameNS(PlaybookXml.BPMN, "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String kind = waitKind(e, afterGateway, names);
            if (kind == null) {
                continue;
            }
            String messageRef = "receiveTask".equals(e.getLocalName())
                    ? e.getAttribute("messageRef")
                    : PlaybookXml.children(e, PlaybookXml.BPMN, "messageEventDefinition")
                            .getFirst()
                            .getAttribute("messageRef");
            String message = messages.get(messageRef);
            boolean starts = "startEvent".equals(e.getLocalName()) && e.getParentNode() == process;
            String what = message == null ? "a message" : "the message '" + message + "'";
            String why = message != null && ownMessages.contains(message)
                    ? ": '" + message + "' is Baton's own message: the playbook would " + (starts ? "start" : "move on")
                            + " on Baton's internal events with nobody launching it."
                    : ", which nothing sends to an uploaded playbook (Baton publishes its messages to its own"
                            + " processes only): "
                            + (starts ? "nothing would ever start the playbook through it." : "it would wait forever.");
            String instead = starts
                    ? " Launch the playbook from the catalogue, through a plain start event (no event type, in"
                            + " Camunda Modeler)"
                    : " Wait with a timer for a time, with a user task for a person's answer, or act with a building"
                            + " block (listed on /playbooks/blocks)";
            String id = e.getAttribute("id");
            problems.add(new PlaybookProblem(id, names.get(id), kind + " " + what + why + instead));
        }
    }

    /** What kind of message wait the element is, as the author drew it, or null when it waits for no message. */
    private static String waitKind(Element e, Map<String, String> afterGateway, Map<String, String> names) {
        if ("receiveTask".equals(e.getLocalName())) {
            return "a receive task, waiting for";
        }
        if (!"message".equals(PlaybookXml.trigger(e))) {
            return null;
        }
        return switch (e.getLocalName()) {
            case "startEvent" ->
                "process".equals(e.getParentNode().getLocalName()) // not an event subprocess's
                        ? "a message start event, started by"
                        : "the start of an event subprocess, started by";
            case "boundaryEvent" -> "a message boundary event, waiting for";
            case "intermediateCatchEvent" -> {
                String gateway = afterGateway.get(e.getAttribute("id"));
                yield gateway == null
                        ? "a message catch event, waiting for"
                        : "a branch of the event-based gateway " + label(gateway, names) + ", waiting for";
            }
            default -> null; // a message throw or end event sends a message: a job, checked as one
        };
    }

    /** The targets of the event-based gateways' branches, to the gateway's id. */
    private static Map<String, String> eventGatewayBranches(Element process) {
        Set<String> gateways = new HashSet<>();
        NodeList found = process.getElementsByTagNameNS(PlaybookXml.BPMN, "eventBasedGateway");
        for (int i = 0; i < found.getLength(); i++) {
            gateways.add(((Element) found.item(i)).getAttribute("id"));
        }
        Map<String, String> branches = new java.util.HashMap<>();
        NodeList flows = process.getElementsByTagNameNS(PlaybookXml.BPMN, "sequenceFlow");
        for (int i = 0; i < flows.getLength(); i++) {
            Element flow = (Element) flows.item(i);
            if (gateways.contains(flow.getAttribute("sourceRef"))) {
                branches.put(flow.getAttribute("targetRef"), flow.getAttribute("sourceRef"));
            }
        }
        return branches;
    }

    /** An element as a problem names it: {@code 'Name' (id)}, or {@code 'id'} when it has no name. */
    static String label(String id, Map<String, String> names) {
        String name = names.get(id);
        return name == null ? "'" + id + "'" : "'" + name + "' (" + id + ")";
    }
}
