package dev.baton.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A variable two elements of a playbook read as kinds of value no one value is: a step assigned by it alone as
 * one person ({@code assignee="=reviewer"}) and another as a list ({@code candidateUsers="=reviewer"}, or a
 * multi-instance step's {@code inputCollection}), or a gateway's condition as a number ({@code =reviewer > 3}).
 * Session 46's second probe: the upload gave a warning at each step, each saying what every launch must give,
 * and each launch was refused pointing at the other step. Now the upload says once that no value satisfies both
 * ({@link ConditionVariableChecks}) and a launch giving the variable is told the same ({@link
 * LaunchAssignments}).
 *
 * <p>Only variables the playbook does not write itself are compared (a launch is then the only source, so
 * every read gets the same value); an input mapping of a step, or of a subprocess around it, sets the step's
 * own value, so that step is not compared ({@link LaunchAssignments#uses(Element)} leaves it out).
 */
final class VariableKinds {

    /** The kinds of value a variable can hold, as a condition is sampled with them. */
    enum Kind {
        TEXT("text", "x"),
        NUMBER("a number", 1),
        YES_NO("yes/no (true or false)", true),
        LIST("a list", List.of("x")),
        DATE("a date", LocalDate.of(2026, 1, 1));

        final String words;
        final Object sample;

        Kind(String words, Object sample) {
            this.words = words;
            this.sample = sample;
        }
    }

    /**
     * One element's read of a variable.
     *
     * @param kinds what it can take (never empty, never every kind)
     * @param element the element in words: "step 'Review the deal' (task_reviewer)"
     * @param as how it reads the variable: "as one user name or e-mail address (its assignee is =reviewer)"
     */
    record Read(String variable, String elementId, Set<Kind> kinds, String element, String as) {}

    /** Two reads of one variable no value satisfies both of. */
    record Clash(Read first, Read second) {

        /** "no value of reviewer satisfies both step ... , which reads it as ..., and step ..., which reads it as ...". */
        String inWords() {
            return "no value of " + first.variable() + " satisfies both " + first.element() + ", which reads it "
                    + first.as() + ", and " + second.element() + ", which reads it " + second.as();
        }
    }

    private VariableKinds() {}

    /** The first clash of each variable among {@code reads}, by variable in the order of its first read. */
    static Map<String, Clash> clashes(List<Read> reads) {
        Map<String, Clash> out = new LinkedHashMap<>();
        for (int i = 0; i < reads.size(); i++) {
            for (int j = i + 1; j < reads.size(); j++) {
                Read a = reads.get(i);
                Read b = reads.get(j);
                if (a.variable().equals(b.variable())
                        && !out.containsKey(a.variable())
                        && a.kinds().stream().noneMatch(b.kinds()::contains)) {
                    out.put(a.variable(), new Clash(a, b));
                }
            }
        }
        return out;
    }

    /** The reads of the user tasks assigned by one variable alone that no input mapping sets, in file order. */
    static List<Read> ofAssignments(List<LaunchAssignments.Use> uses) {
        List<Read> out = new ArrayList<>();
        for (LaunchAssignments.Use use : uses) {
            String attribute = " (its " + use.attribute() + " is =" + use.variable() + ")";
            String as = use.each()
                    ? "as a list, one step for each of its items (its multi-instance input collection is ="
                            + use.variable() + ")"
                    : switch (use.attribute()) {
                        case "assignee" -> "as one user name or e-mail address" + attribute;
                        case "candidateGroups" -> "as a list of team keys" + attribute;
                        default -> "as a list of user names or e-mail addresses" + attribute;
                    };
            Set<Kind> kinds = use.each() || !use.attribute().equals("assignee") ? Set.of(Kind.LIST) : Set.of(Kind.TEXT);
            out.add(new Read(use.variable(), use.stepId(), kinds, step(use.stepName(), use.stepId()), as));
        }
        return out;
    }

    /**
     * The reads of the gateways' conditions of {@code process} of the variables not in {@code set} (those only a
     * launch gives), each
     * with the kinds the condition answers yes or no with ({@link ConstantFeel#answersWith}); a condition Baton
     * cannot sample, or that answers with every kind or none, is left out.
     */
    static List<Read> ofConditions(Element process, Set<String> set, Map<String, String> names) {
        List<Read> out = new ArrayList<>();
        List<Object> samples = Arrays.stream(Kind.values()).map(k -> k.sample).toList();
        NodeList flows = process.getElementsByTagNameNS(PlaybookXml.BPMN, "sequenceFlow");
        for (int f = 0; f < flows.getLength(); f++) {
            Element flow = (Element) flows.item(f);
            for (Element condition : PlaybookXml.children(flow, PlaybookXml.BPMN, "conditionExpression")) {
                String written = condition.getTextContent().strip();
                Set<String> read = ConstantFeel.isExpression(written) ? ConstantFeel.variablesRead(written) : null;
                if (read == null) {
                    continue;
                }
                for (String variable : read) {
                    if (set.contains(variable)) {
                        continue;
                    }
                    List<String> others =
                            read.stream().filter(v -> !v.equals(variable)).toList();
                    List<Boolean> answers = ConstantFeel.answersWith(written, variable, samples, others)
                            .orElse(null);
                    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
                    for (Kind kind : Kind.values()) {
                        if (answers != null && answers.get(kind.ordinal())) {
                            kinds.add(kind);
                        }
                    }
                    if (!kinds.isEmpty() && kinds.size() < Kind.values().length) {
                        out.add(conditionRead(flow, written, variable, kinds, names));
                    }
                }
            }
        }
        return out;
    }

    private static Read conditionRead(
            Element flow, String written, String variable, Set<Kind> kinds, Map<String, String> names) {
        String id = flow.getAttribute("id");
        String name = names.get(id);
        String source = flow.getAttribute("sourceRef");
        String gateway = names.get(source) == null || names.get(source).isBlank() ? source : names.get(source);
        String element =
                (name == null || name.isBlank() ? "the flow " + id : "the flow '" + name.strip() + "' (" + id + ")")
                        + " out of '" + gateway + "'";
        String as = "as " + kinds.stream().map(k -> k.words).collect(Collectors.joining(" or "))
                + " (its condition is '" + ReferenceChecks.shown(written) + "')";
        return new Read(variable, id, kinds, element, as);
    }

    /** "step 'Review the deal' (task_reviewer)", or "step without a name (id Activity_1)". */
    private static String step(String name, String id) {
        return name == null || name.isBlank()
                ? "step without a name (id " + id + ")"
                : "step '" + name.strip() + "' (" + id + ")";
    }
}
