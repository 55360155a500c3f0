package dev.baton.engine;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.Addition;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstContext;
import org.camunda.feel.syntaxtree.ConstDate;
import org.camunda.feel.syntaxtree.ConstDateTime;
import org.camunda.feel.syntaxtree.ConstDayTimeDuration;
import org.camunda.feel.syntaxtree.ConstList;
import org.camunda.feel.syntaxtree.ConstLocalDateTime;
import org.camunda.feel.syntaxtree.ConstLocalTime;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.ConstTime;
import org.camunda.feel.syntaxtree.ConstYearMonthDuration;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.NamedFunctionParameters;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.SomeItem;
import org.camunda.feel.syntaxtree.Subtraction;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a model's {@code =expression} gives before any instance exists, read with the FEEL engine
 * Zeebe itself runs (org.camunda.feel). Only literals, lists of literals ({@code ["sales"]}), the
 * built-in date and time functions ({@link #TEMPORAL}) of such, and these joined with {@code +} or
 * {@code -} are evaluated (with no variables):
 * an upload must not make the server run what an admin wrote (a {@code for} loop over a hundred
 * million numbers runs for minutes; no loop, no user-defined function, no other built-in is in that
 * subset, and each of its steps is one call or one sum). The parser tells the shape; text
 * too long or nested too deep for a name is not even parsed, as the parser recurses per level and
 * overflows the stack near 200 levels. The engine is thread-safe; one serves every check.
 */
final class ConstantFeel {

    /** Longer than any name (job type, process id) written as literals: not parsed. */
    static final int MAX_LENGTH = 256;

    /** Brackets nested deeper than a name needs: not parsed. */
    static final int MAX_NESTING = 16;

    /**
     * The built-in functions evaluated, which compute a date, time or duration from their arguments
     * alone: {@code today()} and {@code now()} read the clock, so their value is the upload's moment,
     * but its kind (a date, a date and time) is the same at any moment.
     */
    static final Set<String> TEMPORAL = Set.of("today", "now", "date", "date and time", "time", "duration");

    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    /** What the expression gives without variables. */
    sealed interface Outcome {}

    /**
     * It gives this value (a Java string, number, boolean, list, map, {@code java.time} value, or null)
     * whatever the instance; a value of {@code now()} or {@code today()} as at the upload.
     */
    record Constant(Object value) implements Outcome {}

    /**
     * It gives null whatever the instance, as FEEL suppresses a failure on the way (a function given
     * text it cannot read, {@code duration("2 days")}; text plus a number): the engine takes the null.
     *
     * @param failure what FEEL says failed
     */
    record Failed(String failure) implements Outcome {}

    /** It reads a variable of the instance: only the running instance can tell. */
    record Variable() implements Outcome {}

    /** It computes its value (anything beyond the subset of {@link #evaluate}): Baton does not evaluate it. */
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
        if (!result.isSuccess()) {
            return new Computed();
        }
        if (result.hasSuppressedFailures()) {
            return new Failed(CollectionConverters.asJava(result.suppressedFailures()).stream()
                    .map(EvaluationFailure::failureMessage)
                    .collect(Collectors.joining("; ")));
        }
        return new Constant(result.result());
    }

    /**
     * A literal ({@code @"P2D"} and the other temporal ones too), a built-in date and time function
     * ({@link #TEMPORAL}) of such, or these joined with {@code +} or {@code -} (text concatenation,
     * sums, a date and time plus a duration).
     */
    private static boolean literals(Exp exp) {
        return switch (exp) {
            case ConstString s -> true;
            case ConstNumber n -> true;
            case ConstBool b -> true;
            case ConstNull$ n -> true;
            case ConstDate d -> true;
            case ConstTime t -> true;
            case ConstLocalTime t -> true;
            case ConstDateTime d -> true;
            case ConstLocalDateTime d -> true;
            case ConstDayTimeDuration d -> true;
            case ConstYearMonthDuration d -> true;
            case ConstList l -> CollectionConverters.asJava(l.items()).stream().allMatch(ConstantFeel::literals);
            case Addition a -> literals(a.x()) && literals(a.y());
            case Subtraction s -> literals(s.x()) && literals(s.y());
            case FunctionInvocation f
            when TEMPORAL.contains(f.function()) ->
                switch (f.params()) {
                    case PositionalFunctionParameters p ->
                        CollectionConverters.asJava(p.params()).stream().allMatch(ConstantFeel::literals);
                    case NamedFunctionParameters p ->
                        CollectionConverters.asJava(p.params()).values().stream()
                                .allMatch(ConstantFeel::literals);
                    default -> false;
                };
            default -> false;
        };
    }

    /** Longer than a condition is written by hand: not parsed for the variables it reads. */
    static final int MAX_CONDITION_LENGTH = 4096;

    /**
     * The variables the expression (with its leading {@code =}) reads, by their first name ({@code
     * deal.amount} reads {@code deal}); null when Baton cannot tell: it does not parse, is too long or
     * nested too deep to parse, or names things of its own ({@code for}, {@code some}, {@code every}, a
     * filter's {@code item}, a function's parameters, a context's entries), which a reader of the tree
     * could take for variables. Only parsed, never evaluated.
     */
    static Set<String> variablesRead(String expression) {
        String feel = expression.substring(1);
        if (feel.length() > MAX_CONDITION_LENGTH || nesting(feel) > MAX_NESTING) {
            return null;
        }
        ParseResult parsed = FEEL.parseExpression(feel);
        if (parsed.isFailure()) {
            return null;
        }
        Set<String> read = new java.util.LinkedHashSet<>();
        return reads(parsed.parsedExpression().expression(), read) ? read : null;
    }

    /** Adds what the node reads to {@code read}; false when it binds names of its own. */
    private static boolean reads(Object node, Set<String> read) {
        return switch (node) {
            case Ref r -> {
                read.add(r.names().head()); // a path's keys ({@code deal.amount}) are no variables
                yield true;
            }
            case For f -> false;
            case SomeItem s -> false;
            case EveryItem e -> false;
            case Filter f -> false;
            case FunctionDefinition f -> false;
            case ConstContext c -> false;
            case scala.collection.Iterable<?> items -> {
                boolean known = true;
                for (scala.collection.Iterator<?> i = items.iterator(); i.hasNext() && known; ) {
                    known = reads(i.next(), read);
                }
                yield known;
            }
            case scala.Product p -> {
                boolean known = true;
                for (scala.collection.Iterator<?> i = p.productIterator(); i.hasNext() && known; ) {
                    known = reads(i.next(), read);
                }
                yield known;
            }
            default -> true; // a literal's value, a function's or a key's name
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
