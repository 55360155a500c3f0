package dev.baton.task;

import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * FEEL as Camunda Forms uses it: a form property whose text starts with {@code =} is an expression,
 * evaluated by the FEEL engine Zeebe itself runs (org.camunda.feel) against the form's data. The
 * engine is thread-safe; one serves every form.
 */
final class FeelExpressions {

    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    private FeelExpressions() {}

    static boolean isExpression(Object value) {
        return value instanceof String s && s.startsWith("=");
    }

    /** Why the expression (with or without its leading {@code =}) cannot be parsed, or null when it can. */
    static String syntaxProblem(String expression) {
        ParseResult parsed = FEEL.parseExpression(strip(expression));
        return parsed.isFailure() ? parsed.failure().message() : null;
    }

    /**
     * The expression's value against the context (variable name to value; Java maps, lists, numbers,
     * strings, booleans), or null when it fails (a missing variable, a type mismatch), as form-js
     * treats a failed expression.
     */
    static Object evaluate(String expression, Map<String, Object> context) {
        EvaluationResult result = FEEL.evaluateExpression(strip(expression), context);
        return result.isSuccess() ? result.result() : null;
    }

    /** The property's value: evaluated when it is an expression, else as written. */
    static Object resolve(Object property, Map<String, Object> context) {
        return isExpression(property) ? evaluate((String) property, context) : property;
    }

    private static String strip(String expression) {
        return expression.startsWith("=") ? expression.substring(1) : expression;
    }
}
