package dev.baton.engine;

import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.Addition;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Ref;

/**
 * What a model's {@code =expression} gives before any instance exists, read with the FEEL engine
 * Zeebe itself runs (org.camunda.feel). Only literals, and literals joined with {@code +}, are
 * evaluated (with no variables): an upload must not make the server run what an admin wrote (a
 * {@code for} loop over a hundred million numbers runs for minutes). The parser tells the shape; text
 * too long or nested too deep for a name is not even parsed, as the parser recurses per level and
 * overflows the stack near 200 levels. The engine is thread-safe; one serves every check.
 */
final class ConstantFeel {

    /** Longer than any name (job type, process id) written as literals: not parsed. */
    static final int MAX_LENGTH = 256;

    /** Brackets nested deeper than a name needs: not parsed. */
    static final int MAX_NESTING = 16;

    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    /** What the expression gives without variables. */
    sealed interface Outcome {}

    /** It gives this value (a Java string, number, boolean, list, map, or null) whatever the instance. */
    record Constant(Object value) implements Outcome {}

    /** It reads a variable of the instance: only the running instance can tell. */
    record Variable() implements Outcome {}

    /** It computes its value (anything beyond literals joined with {@code +}): Baton does not evaluate it. */
    record Computed() implements Outcome {}

    /** It does not parse: the engine refuses it at deployment with its own message. */
    record Unparsable() implements Outcome {}

    private ConstantFeel() {}

    /**
     * Written as an expression, as the engine tells one: a {@code =} first, with something after it.
     * A lone {@code =} is no expression to the engine, which takes it as the plain name "=" (a job type
     * no worker serves); nor is {@code " =..."}, a plain name that starts with a space.
     */
    static boolean isExpression(String value) {
        return value.startsWith("=") && value.length() > 1;
    }

    /** The outcome of the expression, written with its leading {@code =} as in the model. */
    static Outcome evaluate(String expression) {
        String feel = expression.substring(1);
        if (feel.length() > MAX_LENGTH || nesting(feel) > MAX_NESTING) {
            return new Computed();
        }
        ParseResult parsed = FEEL.parseExpression(feel);
        if (parsed.isFailure()) {
            return new Unparsable();
        }
        Exp shape = parsed.parsedExpression().expression();
        if (shape instanceof Ref) {
            return new Variable();
        }
        if (!literals(shape)) {
            return new Computed();
        }
        EvaluationResult result = FEEL.evaluate(parsed.parsedExpression(), Map.of());
        return result.isSuccess() && !result.hasSuppressedFailures() ? new Constant(result.result()) : new Computed();
    }

    /** A literal, or literals joined with {@code +} (text concatenation, sums). */
    private static boolean literals(Exp exp) {
        return switch (exp) {
            case ConstString s -> true;
            case ConstNumber n -> true;
            case ConstBool b -> true;
            case ConstNull$ n -> true;
            case Addition a -> literals(a.x()) && literals(a.y());
            default -> false;
        };
    }

    /** How deep brackets nest outside string literals (an over-estimate is fine: it only refuses sooner). */
    private static int nesting(String feel) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < feel.length(); i++) {
            char c = feel.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }
}
