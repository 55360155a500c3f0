package dev.baton.engine;

import dev.baton.engine.EngineIncidents.Incident;
import dev.baton.engine.ProcessModels.ConditionalFlow;
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
 * words.
 */
@Component
public class IncidentExplanations {

    private static final Pattern NOT_BOOLEAN = Pattern.compile(
            "Expected result of the expression '(.*?)' to be 'BOOLEAN', but was 'NULL'", Pattern.DOTALL);

    private static final Pattern NO_VARIABLE = Pattern.compile("No variable found with name '([^']+)'");

    private final ProcessModels models;

    IncidentExplanations(ProcessModels models) {
        this.models = models;
    }

    /**
     * The incident in plain words: which gateway, which condition, which variable has no value on this
     * run, and how to fix the model; null when Baton has no plain words for it (the engine's own then
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
        if (missing.isEmpty()) {
            Set<String> read = ConstantFeel.variablesRead("=" + expression);
            if (read != null) {
                missing.addAll(read);
            }
        }
        String gatewayName =
                models.elementName(incident.processDefinitionKey(), incident.bpmnProcessId(), incident.elementId());
        String gateway = "The gateway '" + (gatewayName == null ? incident.elementId() : gatewayName) + "'";
        String condition = "the condition =" + expression
                + (flow == null ? "" : " on the flow '" + (flow.name() == null ? flow.flowId() : flow.name()) + "'");
        String variables = missing.isEmpty() ? null : String.join(", ", missing);
        String first = missing.isEmpty() ? "amount" : missing.iterator().next();
        return gateway + " could not choose a path: " + condition
                + (variables == null
                        ? " gave no yes/no answer (null)"
                        : " reads " + variables + ", which " + (missing.size() == 1 ? "has" : "have")
                                + " no value on this run")
                + ". The engine stops the run here; the default flow does not catch this, as it is taken only when"
                + " every condition is false. Fix the model: check for the missing value (=" + first + " != null and "
                + (expression.contains(" or ") ? "(" + expression + ")" : expression) + "), or set " + first
                + " before the gateway (a form field keyed " + first
                + ", an output mapping, or a variable given at each launch). For this run, set " + first
                + " on it (or move it to the fixed version) and resolve the incident in the engine.";
    }
}
