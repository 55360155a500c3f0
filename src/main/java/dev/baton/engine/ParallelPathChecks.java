package dev.baton.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Where paths meet at the wrong kind of gateway, which the engine accepts and runs otherwise than drawn
 * (session 42's probe): a parallel join two of whose incoming flows are alternatives waits for ever, with
 * no open step and no incident; an exclusive gateway where the paths of one parallel split meet passes
 * each on, so everything after it happens twice. Each scope (the process, each subprocess) is read as a
 * graph of its flow nodes, with a step's boundary events and a link throw's catch as ways on. The analysis
 * is kept to what is certain for the common shapes: a pair of flows counts only when nothing but the one
 * choice (or split) leads to them, and a path stops at a join, which merges what came before it.
 */
final class ParallelPathChecks {

    /** The elements that are a flow scope of their own: their flows connect their own children only. */
    private static final Set<String> SCOPES = Set.of("subProcess", "adHocSubProcess", "transaction");

    private ParallelPathChecks() {}

    /** Adds a problem at each join that cannot complete and at each exclusive merge of parallel paths. */
    static void check(Element process, Map<String, String> names, List<PlaybookProblem> problems) {
        List<Element> scopes = new ArrayList<>(List.of(process));
        NodeList nodes = process.getElementsByTagNameNS(PlaybookXml.BPMN, "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (SCOPES.contains(e.getLocalName())) {
                scopes.add(e);
            }
        }
        for (Element scope : scopes) {
            Graph graph = new Graph(scope);
            unjoinable(graph, names, problems);
            doubledMerges(graph, names, problems);
        }
    }

    /**
     * A parallel join (a parallel gateway with 2+ incoming flows) waits for a token on each of them. Two
     * of them that only a choice leads to, each from another of its ways on (an exclusive or event-based
     * gateway's flows; a step's completion and its interrupting boundary event, which ends the step), never
     * both get one: the run waits at the join for ever (the probe's "Chase the proposal").
     */
    private static void unjoinable(Graph graph, Map<String, String> names, List<PlaybookProblem> problems) {
        for (Element join : graph.nodes.values()) {
            String joinId = join.getAttribute("id");
            if (!"parallelGateway".equals(join.getLocalName())
                    || graph.in(joinId).size() < 2) {
                continue;
            }
            Set<String> incoming = graph.ids(graph.in(joinId));
            found:
            for (Element choice : graph.nodes.values()) {
                List<Branch> branches = graph.branches(choice);
                String choiceId = choice.getAttribute("id");
                if (branches.size() < 2 || choiceId.equals(joinId)) {
                    continue;
                }
                Reach around = graph.reach(graph.starts, Set.of(choiceId));
                if (!around.nodes().contains(choiceId)) {
                    continue; // nothing leads to it
                }
                Set<String> onlyThrough = new LinkedHashSet<>(incoming);
                onlyThrough.removeAll(around.flows());
                List<Set<String>> reached = new ArrayList<>();
                for (Branch branch : branches) {
                    Set<String> flows = graph.taken(branch, Set.of(joinId, choiceId));
                    flows.retainAll(onlyThrough);
                    reached.add(flows);
                }
                for (int i = 0; i < branches.size(); i++) {
                    for (int j = i + 1; j < branches.size(); j++) {
                        Set<String> one = minus(reached.get(i), reached.get(j));
                        Set<String> other = minus(reached.get(j), reached.get(i));
                        if (!one.isEmpty() && !other.isEmpty()) {
                            problems.add(new PlaybookProblem(
                                    joinId,
                                    names.get(joinId),
                                    unjoinableMessage(
                                            graph,
                                            incoming.size(),
                                            choice,
                                            branches.get(i),
                                            branches.get(j),
                                            one.iterator().next(),
                                            other.iterator().next(),
                                            names)));
                            break found;
                        }
                    }
                }
            }
        }
    }

    private static String unjoinableMessage(
            Graph graph,
            int incoming,
            Element choice,
            Branch first,
            Branch second,
            String firstFlow,
            String secondFlow,
            Map<String, String> names) {
        String choiceLabel = UploadChecks.label(choice.getAttribute("id"), names);
        String why = switch (choice.getLocalName()) {
            case "exclusiveGateway" ->
                "both paths start at the exclusive gateway " + choiceLabel + ", which takes only one of its ways out";
            case "eventBasedGateway" ->
                "both paths start at the event-based gateway " + choiceLabel
                        + ", which goes on at the first of its events only";
            default -> {
                Branch boundary = first.boundary() != null ? first : second;
                Branch otherBranch = boundary == first ? second : first;
                String start = "the path to " + UploadChecks.label(boundary == first ? firstFlow : secondFlow, names)
                        + " starts at the interrupting boundary event "
                        + UploadChecks.label(boundary.boundary().getAttribute("id"), names) + " of "
                        + choiceLabel + ", which ends that step";
                yield otherBranch.boundary() == null
                        ? start + ", and " + UploadChecks.label(boundary == first ? secondFlow : firstFlow, names)
                                + " comes only when the step is completed"
                        : start + ", as does the other boundary event "
                                + UploadChecks.label(otherBranch.boundary().getAttribute("id"), names)
                                + ", and only one of them can";
            }
        };
        return "a parallel join: it waits until a token has come on each of its " + incoming + " incoming flows, but"
                + " the flows " + graph.flowLabel(firstFlow, names) + " and " + graph.flowLabel(secondFlow, names)
                + " are alternatives (" + why + "), so only one of them can come, and a run that gets here would wait"
                + " for ever, with no open step and no incident. Merge the alternatives with an exclusive gateway"
                + " first, and draw the one flow out of it into this join";
    }

    /**
     * An exclusive (or event-based) gateway with 2+ incoming flows passes on every token that comes: where
     * two paths of one parallel or inclusive split meet there, not joined before, everything after it
     * happens twice (the probe's two "Send the summary" steps, each with its mail).
     */
    private static void doubledMerges(Graph graph, Map<String, String> names, List<PlaybookProblem> problems) {
        Set<String> joins = new HashSet<>();
        graph.nodes.forEach((id, e) -> {
            if (isSplitKind(e) && graph.in(id).size() >= 2) {
                joins.add(id);
            }
        });
        for (Element merge : graph.nodes.values()) {
            String mergeId = merge.getAttribute("id");
            boolean passesOn =
                    "exclusiveGateway".equals(merge.getLocalName()) || "eventBasedGateway".equals(merge.getLocalName());
            if (!passesOn || graph.in(mergeId).size() < 2) {
                continue;
            }
            Set<String> incoming = graph.ids(graph.in(mergeId));
            found:
            for (Element split : graph.nodes.values()) {
                String splitId = split.getAttribute("id");
                if (!isSplitKind(split) || graph.out(splitId).size() < 2) {
                    continue;
                }
                Set<String> stop = new HashSet<>(joins);
                stop.add(splitId);
                stop.add(mergeId);
                List<Set<String>> reached = new ArrayList<>();
                for (Element flow : graph.out(splitId)) {
                    Set<String> flows = new LinkedHashSet<>(Set.of(flow.getAttribute("id")));
                    flows.addAll(graph.reach(List.of(flow.getAttribute("targetRef")), stop)
                            .flows());
                    flows.retainAll(incoming);
                    reached.add(flows);
                }
                for (int i = 0; i < reached.size(); i++) {
                    for (int j = i + 1; j < reached.size(); j++) {
                        for (String one : reached.get(i)) {
                            for (String other : reached.get(j)) {
                                if (!one.equals(other)) {
                                    problems.add(new PlaybookProblem(
                                            mergeId,
                                            names.get(mergeId),
                                            doubledMessage(graph, merge, split, one, other, names)));
                                    break found;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static String doubledMessage(
            Graph graph, Element merge, Element split, String one, String other, Map<String, String> names) {
        boolean inclusive = "inclusiveGateway".equals(split.getLocalName());
        String kind =
                "exclusiveGateway".equals(merge.getLocalName()) ? "an exclusive gateway" : "an event-based gateway";
        return kind + " where paths of the " + (inclusive ? "inclusive" : "parallel") + " gateway "
                + UploadChecks.label(split.getAttribute("id"), names) + " meet, not joined before: the flows "
                + graph.flowLabel(one, names) + " and " + graph.flowLabel(other, names) + " can both bring a token"
                + (inclusive ? " (an inclusive gateway takes every way out whose condition holds)" : "")
                + ", and " + kind + " passes on each one, so everything after it would happen twice (two steps,"
                + " two mails). To wait for "
                + (inclusive ? "the paths taken, draw an inclusive gateway here" : "both, draw a parallel gateway here")
                + " instead (Camunda Modeler: Change element)";
    }

    private static boolean isSplitKind(Element e) {
        return "parallelGateway".equals(e.getLocalName()) || "inclusiveGateway".equals(e.getLocalName());
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    /** Where a token from some nodes may go: the nodes it reaches and the flows it takes. */
    private record Reach(Set<String> nodes, Set<String> flows) {}

    /**
     * One way on from a choice: the flows it starts with and the nodes it goes on from, and the
     * interrupting boundary event it starts at (null for a flow or a step's completion).
     */
    private record Branch(Set<String> first, List<String> from, Element boundary) {}

    /** The flow nodes directly in one scope, the sequence flows between them, and the other ways on. */
    private static final class Graph {
        final Map<String, Element> nodes = new LinkedHashMap<>();
        final Map<String, Element> flows = new LinkedHashMap<>();
        final Map<String, List<Element>> out = new HashMap<>();
        final Map<String, List<Element>> in = new HashMap<>();
        final Map<String, List<Element>> boundaries = new HashMap<>(); // by the step they are attached to
        final Map<String, List<String>> links = new HashMap<>(); // a link throw event -> its catch events
        final List<String> starts = new ArrayList<>();

        Graph(Element scope) {
            Map<String, List<String>> throwsByLink = new HashMap<>();
            Map<String, List<String>> catchesByLink = new HashMap<>();
            for (Node n = scope.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)
                        || !PlaybookXml.BPMN.equals(e.getNamespaceURI())
                        || !e.hasAttribute("id")) {
                    continue;
                }
                String id = e.getAttribute("id");
                switch (e.getLocalName()) {
                    case "sequenceFlow" -> {
                        flows.put(id, e);
                        out.computeIfAbsent(e.getAttribute("sourceRef"), k -> new ArrayList<>())
                                .add(e);
                        in.computeIfAbsent(e.getAttribute("targetRef"), k -> new ArrayList<>())
                                .add(e);
                    }
                    case "association",
                            "textAnnotation",
                            "dataObject",
                            "dataObjectReference",
                            "dataStoreReference" -> {}
                    default -> {
                        nodes.put(id, e);
                        if ("boundaryEvent".equals(e.getLocalName())) {
                            boundaries
                                    .computeIfAbsent(e.getAttribute("attachedToRef"), k -> new ArrayList<>())
                                    .add(e);
                        }
                        if ("startEvent".equals(e.getLocalName())) {
                            starts.add(id);
                        }
                        if ("link".equals(PlaybookXml.trigger(e))) {
                            String link = PlaybookXml.children(e, PlaybookXml.BPMN, "linkEventDefinition")
                                    .getFirst()
                                    .getAttribute("name");
                            (e.getLocalName().equals("intermediateThrowEvent") ? throwsByLink : catchesByLink)
                                    .computeIfAbsent(link, k -> new ArrayList<>())
                                    .add(id);
                        }
                    }
                }
            }
            throwsByLink.forEach((link, thrower) ->
                    thrower.forEach(t -> links.put(t, catchesByLink.getOrDefault(link, List.of()))));
        }

        List<Element> out(String id) {
            return out.getOrDefault(id, List.of());
        }

        List<Element> in(String id) {
            return in.getOrDefault(id, List.of());
        }

        Set<String> ids(Collection<Element> elements) {
            Set<String> ids = new LinkedHashSet<>();
            elements.forEach(e -> ids.add(e.getAttribute("id")));
            return ids;
        }

        /** A flow as a problem names it: its label, and the element it comes from. */
        String flowLabel(String flowId, Map<String, String> names) {
            Element flow = flows.get(flowId);
            return UploadChecks.label(flowId, names) + " from "
                    + UploadChecks.label(flow.getAttribute("sourceRef"), names);
        }

        /**
         * The ways on from a node of which a run takes one: an exclusive or event-based gateway's flows,
         * and a step's completion beside each of its interrupting boundary events; empty for other nodes.
         */
        List<Branch> branches(Element node) {
            String id = node.getAttribute("id");
            List<Branch> branches = new ArrayList<>();
            if ("exclusiveGateway".equals(node.getLocalName()) || "eventBasedGateway".equals(node.getLocalName())) {
                for (Element flow : out(id)) {
                    branches.add(
                            new Branch(Set.of(flow.getAttribute("id")), List.of(flow.getAttribute("targetRef")), null));
                }
                return branches;
            }
            List<Element> interrupting = boundaries.getOrDefault(id, List.of()).stream()
                    .filter(b -> !"false".equals(b.getAttribute("cancelActivity")))
                    .toList();
            if (interrupting.isEmpty()) {
                return branches;
            }
            List<String> next =
                    out(id).stream().map(f -> f.getAttribute("targetRef")).toList();
            branches.add(new Branch(ids(out(id)), next, null));
            for (Element boundary : interrupting) {
                branches.add(new Branch(Set.of(), List.of(boundary.getAttribute("id")), boundary));
            }
            return branches;
        }

        /** The flows a branch takes, going on from no node of {@code stop}. */
        Set<String> taken(Branch branch, Set<String> stop) {
            Set<String> flows = new LinkedHashSet<>(branch.first());
            flows.addAll(reach(branch.from(), stop).flows());
            return flows;
        }

        /** Where tokens at {@code from} may go, going on from no node of {@code stop} (which they may reach). */
        Reach reach(Collection<String> from, Set<String> stop) {
            Set<String> seen = new HashSet<>();
            Set<String> taken = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(from);
            while (!todo.isEmpty()) {
                String node = todo.pop();
                if (!seen.add(node) || stop.contains(node)) {
                    continue;
                }
                for (Element flow : out(node)) {
                    taken.add(flow.getAttribute("id"));
                    todo.push(flow.getAttribute("targetRef"));
                }
                boundaries.getOrDefault(node, List.of()).forEach(b -> todo.push(b.getAttribute("id")));
                links.getOrDefault(node, List.of()).forEach(todo::push);
            }
            return new Reach(seen, taken);
        }
    }
}
