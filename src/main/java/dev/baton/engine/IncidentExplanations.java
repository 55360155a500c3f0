package dev.baton.engine;

import dev.baton.engine.EngineIncidents.Incident;
import dev.baton.engine.ProcessModels.ConditionalFlow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * An engine incident in plain words, for those who drew the playbook, where Baton recognises it; the
 * engine's own words stay beside it. Recognised: a gateway's condition that reads a variable with no
 * value on the run ({@code =amount > 100} when nothing set {@code amount}). The engine then gives "Expected
 * result of the expression 'amount > 100' to be 'BOOLEAN', but was 'NULL'" and stops the run at the
 * gateway; its default flow does not catch it (Zeebe takes the default flow only when every condition is
 * false, not when one fails). A playbook author's probe met it and the run's page said only the engine's
 * words. A variable is said to have no value only when the engine's warnings say it found none ("No
 * variable found with name 'amount'") or that it is null (the condition reads one variable and each
 * warning is about a null); when the value is there but of the wrong kind (text "lots" where the
 * condition compares numbers: "Can't compare '"lots"' with '100'"), the explanation says the condition
 * gave no yes/no answer, quotes the engine's reasons, and says to check the type the form gives (a probe
 * was told "has no value" for text).
 */
@Component
public class IncidentExplanations {

    private static final Pattern NOT_BOOLEAN = Pattern.compile(
            "Expected result of the expression '(.*?)' to be 'BOOLEAN', but was 'NULL'", Pattern.DOTALL);

    private static final Pattern NO_VARIABLE = Pattern.compile("No variable found with name '([^']+)'");

    /** One of the warnings the engine adds to its message: {@code [NOT_COMPARABLE] Can't compare ...}. */
    private static final Pattern WARNING = Pattern.compile("\\[([A-Z_]+)] ([^\\n]+)");

    private static final Pattern NOT_COMPARABLE = Pattern.compile("Can't compare '(.*)' with '(.*)'");

    private final ProcessModels models;

    IncidentExplanations(ProcessModels models) {
        this.models = models;
    }

    /**
     * The incident in plain words: which gateway, which condition, which variable has no value on this
     * run (or, when it has one the condition cannot read, the engine's reason and the type to check), and
     * how to fix the model; null when Baton has no plain words for it (the engine's own then
     * stand alone).
     */
    public String plain(Incident incident) {
        Matcher notBoolean = NOT_BOOLEAN.matcher(incident.message() == null ? "" : incident.message());
        if (!notBoolean.find()) {
            return null;
        }
        String expression = notBoolean.group(1).strip();
        List<ConditionalFlow> flows =
                models.conditions(incident.processDefinitionKey(), incident.bpmnProcessId(), incident.elementId());
        if (flows.isEmpty()) {
            return null; // not a gateway's condition
        }
        ConditionalFlow flow = flows.stream()
                .filter(f -> f.condition().replaceFirst("^=", "").strip().equals(expression))
                .findFirst()
                .orElse(null);
        Set<String> missing = new LinkedHashSet<>();
        Matcher noVariable = NO_VARIABLE.matcher(incident.message());
        while (noVariable.find()) {
            missing.add(noVariable.group(1));
        }
        List<String> reasons = new ArrayList<>();
        Matcher warning = WARNING.matcher(incident.message());
        while (warning.find()) {
            if (!"NO_VARIABLE_FOUND".equals(warning.group(1))) {
                reasons.add(warning.group(2).strip());
            }
        }
        Set<String> read = ConstantFeel.everyVariableRead("=" + expression);
        boolean nullValue = missing.isEmpty()
                && read != null
                && read.size() == 1
                && !reasons.isEmpty()
                && reasons.stream().allMatch(r -> r.contains("'null'"));
        if (nullValue) {
            missing.addAll(read); // set, but to null: no value either
        }
        String gatewayName =
                models.elementName(incident.processDefinitionKey(), incident.bpmnProcessId(), incident.elementId());
        // a gateway without a name is not named by its id: the run's page says it beside, the API in elementId
        // (session 44's probe: the page showed the id twice)
        String gateway = gatewayName == null || gatewayName.isBlank()
                ? "The gateway (it has no name)"
                : "The gateway '" + gatewayName.strip() + "'";
        String condition = "the condition =" + expression
                + (flow == null ? "" : " on the flow '" + (flow.name() == null ? flow.flowId() : flow.name()) + "'");
        String stops = ". The engine stops the run here; the default flow does not catch this, as it is taken only"
                + " when every condition is false.";
        if (missing.isEmpty()) {
            String values = read == null || read.isEmpty() ? "the values it reads" : String.join(", ", read);
            return gateway + " could not choose a path: " + condition + " gave no yes/no answer"
                    + (reasons.isEmpty() ? " (null)" : " (the engine: " + String.join("; ", reasons) + ")")
                    + kinds(reasons) + stops + " Check the type of " + values + " on this run (the form field that"
                    + " gives it: a number field for a number, not a text field), or make the condition answer"
                    + " true or false for every value it may hold. For this run, set " + values
                    + " to a value the condition can read and resolve the incident in the engine.";
        }
        String variables = String.join(", ", missing);
        String first = missing.iterator().next();
        return gateway + " could not choose a path: " + condition + " reads " + variables + ", which "
                + (missing.size() == 1 ? "has" : "have") + " no value on this run" + stops
                + " Fix the model: check for the missing value (=" + first + " != null and "
                + (expression.contains(" or ") ? "(" + expression + ")" : expression) + "), or set " + first
                + " before the gateway (a form field keyed " + first
                + ", an output mapping, or a variable given at each launch). For this run, set " + first
                + " on it (or move it to the fixed version) and resolve the incident in the engine.";
    }

    /** What the engine could not compare, by kind: ": it cannot compare text ("lots") with a number (100)". */
    private static String kinds(List<String> reasons) {
        for (String reason : reasons) {
            Matcher m = NOT_COMPARABLE.matcher(reason);
            if (m.matches() && kind(m.group(1)) != null && kind(m.group(2)) != null) {
                return ": it cannot compare " + kind(m.group(1)) + " (" + m.group(1) + ") with " + kind(m.group(2))
                        + " (" + m.group(2) + ")";
            }
        }
        return "";
    }

    private static String kind(String value) {
        if (value.startsWith("\"")) {
            return "text";
        }
        if (value.matches("-?\\d+(\\.\\d+)?")) {
            return "a number";
        }
        if (value.equals("true") || value.equals("false")) {
            return "a yes/no value";
        }
        return value.startsWith("[") ? "a list" : null;
    }
}
