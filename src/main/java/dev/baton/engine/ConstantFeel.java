package dev.baton.engine;

import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * What a model's {@code =expression} gives before any instance exists: evaluated by the FEEL engine
 * Zeebe itself runs (org.camunda.feel) with no variables at all. An expression that reads a
 * variable is not a constant even when FEEL lets the missing variable pass as null (it reports it
 * as a suppressed failure). The engine is thread-safe; one serves every check.
 */
final class ConstantFeel {

    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    /** What the expression gives without variables. */
    sealed interface Outcome {}

    /** It gives this value (a Java string, number, boolean, list, map, or null) whatever the instance. */
    record Constant(Object value) implements Outcome {}

    /** It reads the instance's variables, or fails without them: only the running instance can tell. */
    record Variable() implements Outcome {}

    /** It does not parse: the engine refuses it at deployment with its own message. */
    record Unparsable() implements Outcome {}

    private ConstantFeel() {}

    static boolean isExpression(String value) {
        return value.strip().startsWith("=");
    }

    /** The outcome of the expression, written with its leading {@code =} as in the model. */
    static Outcome evaluate(String expression) {
        String feel = expression.strip().substring(1);
        if (FEEL.parseExpression(feel).isFailure()) {
            return new Unparsable();
        }
        EvaluationResult result = FEEL.evaluateExpression(feel, Map.of());
        return result.isSuccess() && !result.hasSuppressedFailures() ? new Constant(result.result()) : new Variable();
    }
}
