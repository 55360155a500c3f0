package dev.baton.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.blocks.Blocks;
import dev.baton.shared.StepNames;
import dev.baton.task.FormJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * A gateway's condition that reads a variable nothing in the playbook sets ({@code =amount > 100} with no
 * form field, mapping or building block setting {@code amount}): a warning, not a refusal. Without a value the
 * engine stops the run at the gateway with an incident ("... to be 'BOOLEAN', but was 'NULL'"), and the
 * default flow does not catch it (a playbook author's probe). But a launch may give any variable (the launch
 * API and the catalogue's Launch take a JSON object of them), so only the launcher knows whether every run
 * will have it: refusing would turn away playbooks that are launched with it. A condition that copes with
 * the variable's absence ({@code =amount != null and amount > 100}, {@code =is defined(amount) and ...}) gets
 * no warning: it is evaluated with the server's FEEL engine ({@link ConstantFeel#copesWithout}, where only the
 * unset variables decide), and the run ends normally without it. One Baton cannot evaluate (beyond {@link
 * ConstantFeel}'s bounded subset, or reading more than {@link ConstantFeel#MAX_SAMPLED} variables) is warned
 * as before. Where Baton cannot see every
 * source (a call that passes all the called process's variables back, a message or signal that brings
 * variables, a form linked from elsewhere), it says nothing. A user task assigned by one such variable alone
 * ({@code assignee="=reviewer"}) is warned the same way, at the task: only a launch can give it, and {@link
 * LaunchAssignments} checks what it gives. A variable two elements read as kinds no one value is ({@link
 * VariableKinds}: one person and a list, a number and text) gets one warning naming both instead.
 */
final class ConditionVariableChecks {

    /** Elements and attributes that name a variable the engine writes, and the attributes any element may have. */
    private static final Map<String, List<String>> WRITERS = Map.of(
            "input", List.of("target"),
            "output", List.of("target"),
            "script", List.of("resultVariable"),
            "calledDecision", List.of("resultVariable"),
            "loopCharacteristics", List.of("inputElement", "outputElement", "outputCollection"),
            "adHoc", List.of("outputCollection"));

    private static final Set<String> VARIABLE_ATTRIBUTES =
            Set.of("errorCodeVariable", "errorMessageVariable", "escalationCodeVariable");

    private ConditionVariableChecks() {}

    /**
     * The warnings of one upload, each at the flow whose condition reads a variable nothing sets.
     *
     * @param forms the uploaded forms' JSON by form id
     */
    static List<PlaybookProblem> check(PlaybookXml xml, Map<String, String> names, Map<String, byte[]> forms) {
        Set<String> set = launchGiven();
        if (!setByModel(xml, set, true) || !setByForms(xml, forms, set)) {
            return List.of();
        }
        Map<String, VariableKinds.Clash> clashes = clashes(xml, forms, set, names);
        List<PlaybookProblem> warnings = new ArrayList<>();
        for (Element flow : xml.all(PlaybookXml.BPMN, "sequenceFlow")) {
            for (Element condition : PlaybookXml.children(flow, PlaybookXml.BPMN, "conditionExpression")) {
                String written = condition.getTextContent().strip();
                Set<String> read = ConstantFeel.isExpression(written) ? ConstantFeel.variablesRead(written) : null;
                if (read == null) {
                    continue;
                }
                List<String> unset = read.stream().filter(v -> !set.contains(v)).toList();
                List<String> others = read.stream().filter(set::contains).toList();
                if (!unset.isEmpty()
                        && !ConstantFeel.copesWithout(written, unset, others).orElse(false)) {
                    warnings.add(warning(flow, written, unset, names));
                }
            }
        }
        for (PlaybookXml.UserTaskExtension a : xml.userTaskExtensions("assignmentDefinition")) {
            for (String attribute : LaunchAssignments.ATTRIBUTES) {
                String variable = LaunchAssignments.loneVariable(a.extension().getAttribute(attribute));
                if (variable != null && !set.contains(variable) && !clashes.containsKey(variable)) {
                    warnings.add(assignedByUnset(a.task(), attribute, variable, names));
                }
            }
        }
        clashes.values().forEach(c -> warnings.add(clash(c, names)));
        return warnings;
    }

    /**
     * The variables only a launch gives that two elements of an executable process read as kinds no one value is:
     * a step's assignment (unless an input mapping sets its value, as {@link LaunchAssignments} skips it) and a
     * gateway's condition of a variable nothing sets ({@code set}).
     */
    private static Map<String, VariableKinds.Clash> clashes(
            PlaybookXml xml, Map<String, byte[]> forms, Set<String> set, Map<String, String> names) {
        Set<String> setBesidesInputs = launchGiven();
        setByModel(xml, setBesidesInputs, false);
        setByForms(xml, forms, setBesidesInputs);
        Map<String, VariableKinds.Clash> clashes = new LinkedHashMap<>();
        for (Element process : xml.all(PlaybookXml.BPMN, "process")) {
            if (PlaybookXml.executable(process)) {
                List<VariableKinds.Read> reads =
                        new ArrayList<>(VariableKinds.ofAssignments(LaunchAssignments.uses(process).stream()
                                .filter(u -> !setBesidesInputs.contains(u.variable()))
                                .toList()));
                reads.addAll(VariableKinds.ofConditions(process, set, names));
                VariableKinds.clashes(reads).forEach(clashes::putIfAbsent);
            }
        }
        return clashes;
    }

    /**
     * The variables of {@code process} two of its steps read, assigned by it alone, as kinds no one value is
     * ({@link VariableKinds}), which a launch giving them meets: those the model writes otherwise than by an
     * input mapping (an output mapping, a form embedded in it) are left out, as their steps may read a value the
     * playbook set; a form linked by its id is not read here. Empty when a source Baton cannot read brings
     * variables.
     */
    static Map<String, VariableKinds.Clash> launchClashes(PlaybookXml xml, Element process) {
        Set<String> written = launchGiven();
        if (!setByModel(xml, written, false) || !setByForms(xml, null, written)) {
            return Map.of();
        }
        return VariableKinds.clashes(VariableKinds.ofAssignments(LaunchAssignments.uses(process).stream()
                .filter(u -> !written.contains(u.variable()))
                .toList()));
    }

    /**
     * A variable that only a launch gives and that two elements read as kinds no one value is: said once at the
     * first of them, not as two warnings each saying what every launch must give (session 46's second probe).
     */
    private static PlaybookProblem clash(VariableKinds.Clash clash, Map<String, String> names) {
        String variable = clash.first().variable();
        return new PlaybookProblem(
                clash.first().elementId(),
                names.get(clash.first().elementId()),
                clash.inWords() + ". Both read what the launch gives (nothing in this playbook sets " + variable
                        + " for them), so whatever it gives, a run that reaches both stops at one of them, and Baton"
                        + " refuses a launch giving a value a step's assignment cannot take. Use two variables, one"
                        + " for each");
    }

    /** The variables Baton gives every launch, which the playbook does not set either. */
    private static Set<String> launchGiven() {
        Set<String> set = new HashSet<>(Blocks.RESERVED);
        set.add(Blocks.ACCOUNT_ID);
        return set;
    }

    /**
     * A step assigned by a variable nothing in the playbook sets ({@code assignee="=reviewer"}): only a launch
     * can give it, and a run launched without it stops at the step (session 46: such a playbook uploaded
     * without a word, and its first launch without the variable stopped at once).
     */
    private static PlaybookProblem assignedByUnset(
            Element task, String attribute, String variable, Map<String, String> names) {
        String id = task.getAttribute("id");
        String step = StepNames.quoted(names.get(id), id);
        String what = "assignee".equals(attribute)
                ? "the user name or e-mail address of the person it goes to"
                : "candidateGroups".equals(attribute)
                        ? "a list of team keys, e.g. [\"sales-emea\"]"
                        : "a list of user names, e.g. [\"maria\"]";
        return new PlaybookProblem(
                id,
                names.get(id),
                "the " + attribute + " of " + step + " is =" + variable + ", which no form field, output mapping or"
                        + " building block of this playbook sets: every launch must give " + variable + " (" + what
                        + "), else each run stops at " + step + " with an incident. Baton checks a launch's "
                        + variable + " names someone; or set it in a form before the step (a field keyed "
                        + variable + ")");
    }

    private static PlaybookProblem warning(
            Element flow, String written, List<String> unset, Map<String, String> names) {
        String id = flow.getAttribute("id");
        String source = flow.getAttribute("sourceRef");
        String gateway = names.get(source) == null ? source : names.get(source);
        String expression = written.substring(1).strip();
        String unguarded =
                unset.stream().filter(v -> !guarded(expression, v)).findFirst().orElse(null);
        String first = unguarded == null ? unset.getFirst() : unguarded;
        String check = unguarded == null
                ? " or make the condition give true or false without it: its check for " + first + " does not"
                        + " keep every part of it from reading " + first
                : " or check for it: =" + first + " != null and "
                        + (expression.contains(" or ") ? "(" + expression + ")" : expression);
        return new PlaybookProblem(
                id,
                names.get(id),
                "the condition '" + ReferenceChecks.shown(written) + "' on this flow out of '" + gateway + "' reads "
                        + String.join(", ", unset) + ", which no form field, output mapping or building block of this"
                        + " playbook sets: unless every launch gives it (a launch variable), each run stops at '"
                        + gateway + "' with an incident, and the default flow does not catch that. Set it in a form"
                        + " (a field keyed " + first + ")" + check);
    }

    /** Whether the condition already checks for the variable ({@code v != null}, {@code is defined(v)}). */
    static boolean guarded(String expression, String variable) {
        String v = java.util.regex.Pattern.quote(variable);
        return java.util.regex.Pattern.compile("(?<![\\w.])" + v + "\\s*!=\\s*null|null\\s*!=\\s*" + v + "(?![\\w.])"
                        + "|is defined\\(\\s*" + v + "\\s*\\)")
                .matcher(expression)
                .find();
    }

    /**
     * Adds what the model's mappings, results and blocks set (with {@code inputs}, input mappings' targets too);
     * false when a source Baton cannot read brings variables.
     */
    private static boolean setByModel(PlaybookXml xml, Set<String> set, boolean inputs) {
        WRITERS.forEach((element, attributes) -> {
            if (inputs || !element.equals("input")) {
                xml.all(PlaybookXml.ZEEBE, element)
                        .forEach(e -> attributes.forEach(a -> set.add(first(e.getAttribute(a)))));
            }
        });
        for (Element e : xml.all("*", "*")) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (VARIABLE_ATTRIBUTES.contains(a.getLocalName())) {
                    set.add(first(a.getValue()));
                }
            }
        }
        for (Element task : xml.all(PlaybookXml.ZEEBE, "taskDefinition")) {
            var block = BlockUse.block(task);
            if (block.isEmpty()) {
                return false; // a worker of another kind: its results are unknown here
            }
            Blocks.byType(block.get()).ifPresent(b -> b.outputs().forEach(o -> set.add(o.name())));
        }
        boolean passesAllBack = xml.all(PlaybookXml.ZEEBE, "calledElement").stream()
                .anyMatch(c -> !"false".equals(c.getAttribute("propagateAllChildVariables")));
        return !passesAllBack
                && xml.all(PlaybookXml.BPMN, "messageEventDefinition").isEmpty()
                && xml.all(PlaybookXml.BPMN, "signalEventDefinition").isEmpty()
                && xml.all(PlaybookXml.BPMN, "receiveTask").isEmpty();
    }

    /**
     * Adds the keys of the forms the user tasks show; false when one links a form not in the upload.
     *
     * @param forms the upload's forms by id, or null to read only the forms embedded in the model
     */
    private static boolean setByForms(PlaybookXml xml, Map<String, byte[]> forms, Set<String> set) {
        for (Element embedded : xml.all(PlaybookXml.ZEEBE, "userTaskForm")) {
            if (!keys(embedded.getTextContent().getBytes(java.nio.charset.StandardCharsets.UTF_8), set)) {
                return false;
            }
        }
        for (Element form : xml.all(PlaybookXml.ZEEBE, "formDefinition")) {
            String formId = form.getAttribute("formId");
            if (!formId.isBlank() && forms != null && (!forms.containsKey(formId) || !keys(forms.get(formId), set))) {
                return false;
            }
        }
        return true;
    }

    private static boolean keys(byte[] json, Set<String> set) {
        try {
            JsonNode form = FormJson.read(json);
            if (form == null) {
                return false;
            }
            for (String field : List.of("key", "path")) {
                form.findValues(field).stream().filter(JsonNode::isTextual).forEach(k -> set.add(first(k.asText())));
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The variable a name or path ({@code deal.amount}) writes: its first name. */
    private static String first(String name) {
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).strip();
    }
}
