package dev.baton.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ConstContext;
import org.camunda.feel.syntaxtree.ConstRange;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Exponentiation;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.JavaFunctionInvocation;
import org.camunda.feel.syntaxtree.QualifiedFunctionInvocation;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.SomeItem;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a model's {@code =expression} gives before any instance exists, read with the FEEL engine
 * Zeebe itself runs (org.camunda.feel). An expression that reads no variable is evaluated when its
 * work is bounded by its own length ({@link #bounded}): literals, lists and contexts of them, {@code
 * if}, comparisons, {@code and}/{@code or}, arithmetic but for {@code **}, and the built-in functions
 * of {@link #SAFE_FUNCTIONS} ({@code upper case("sales")}, {@code string(12)}, {@code now()}). An upload
 * must not make the server run what an admin wrote without such a bound: a {@code for} loop over a
 * hundred million numbers runs for minutes, a regular expression ({@code matches}, {@code replace},
 * {@code split}) can backtrack for as long, and a number's scale ({@code decimal(1, 100000000)}) or a
 * power can make a huge value; no loop, range, filter, user-defined function or other built-in is
 * evaluated. The parser tells the shape; text too long or nested too deep for a name is not even
 * parsed, as the parser recurses per level and overflows the stack near 200 levels. The engine is
 * thread-safe; one serves every check.
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

    /**
     * The built-in functions evaluated besides {@link #TEMPORAL}: their work and their result grow at
     * most with their arguments, which the expression's length bounds (no regular expression, no scale,
     * no function argument, nothing random).
     */
    static final Set<String> SAFE_FUNCTIONS = Stream.concat(
                    TEMPORAL.stream(),
                    Stream.of(
                            "upper case",
                            "lower case",
                            "substring",
                            "substring before",
                            "substring after",
                            "string length",
                            "contains",
                            "starts with",
                            "ends with",
                            "trim",
                            "string",
                            "is defined",
                            "get or else",
                            "not",
                            "concatenate",
                            "append",
                            "list contains",
                            "count",
                            "distinct values",
                            "union",
                            "reverse",
                            "index of",
                            "insert before",
                            "remove",
                            "string join",
                            "is empty",
                            "min",
                            "max",
                            "get value"))
            .collect(Collectors.toUnmodifiableSet());

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
        if (!bounded(shape, Set.of())) {
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
     * Whether evaluating the node is bounded by the expression's length: no loop, quantifier, filter,
     * range, user-defined function, power, or built-in outside {@link #SAFE_FUNCTIONS}, and no variable
     * but those in {@code variables}. A {@code some}, {@code every} or {@code for} is bounded when each
     * list it goes through is one of {@code variables}, which {@link #copesWithout} gives one short
     * sample value each.
     */
    private static boolean bounded(Object node, Set<String> variables) {
        return switch (node) {
            case Ref r -> variables.contains(r.names().head()); // a path reads its first name
            case SomeItem s ->
                overVariables(s.iterators(), variables) && bounded(s.condition(), binding(s.iterators(), variables));
            case EveryItem e ->
                overVariables(e.iterators(), variables) && bounded(e.condition(), binding(e.iterators(), variables));
            case For f ->
                overVariables(f.iterators(), variables) && bounded(f.exp(), binding(f.iterators(), variables));
            case Filter f -> false;
            case FunctionDefinition f -> false;
            case ConstRange r -> false;
            case Exponentiation e -> false;
            case QualifiedFunctionInvocation q -> false;
            case JavaFunctionInvocation j -> false;
            case FunctionInvocation f when !SAFE_FUNCTIONS.contains(f.function()) -> false;
            case scala.collection.Iterable<?> items -> {
                for (scala.collection.Iterator<?> i = items.iterator(); i.hasNext(); ) {
                    if (!bounded(i.next(), variables)) {
                        yield false;
                    }
                }
                yield true;
            }
            case scala.Product p -> {
                for (scala.collection.Iterator<?> i = p.productIterator(); i.hasNext(); ) {
                    if (!bounded(i.next(), variables)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> true; // a literal's value, a function's or a key's name
        };
    }

    /** Each iterator's list is a variable of {@code variables} (not a name an earlier iterator binds). */
    private static boolean overVariables(
            scala.collection.immutable.List<scala.Tuple2<String, Exp>> iterators, Set<String> variables) {
        return CollectionConverters.asJava(iterators).stream()
                .allMatch(i ->
                        i._2() instanceof Ref r && variables.contains(r.names().head()));
    }

    /** The variables and the names the iterators bind, which the body reads. */
    private static Set<String> binding(
            scala.collection.immutable.List<scala.Tuple2<String, Exp>> iterators, Set<String> variables) {
        Set<String> all = new HashSet<>(variables);
        CollectionConverters.asJava(iterators).forEach(i -> all.add(i._1()));
        return all;
    }

    /** A condition read with more variables than this is not sampled ({@link #copesWithout}). */
    static final int MAX_SAMPLED = 3;

    /** The values each variable is given in turn: nothing, a number, text, a yes/no value, a list. */
    private static final List<Object> SAMPLES = Arrays.asList(null, 1, "x", true, List.of(1));

    /**
     * Whether a condition (with its leading {@code =}) still answers yes or no when the variables of
     * {@code missing} do not exist, as on a run that never set them ({@code =amount != null and amount
     * > 100}, {@code =is defined(amount) and amount > 100}); empty when Baton cannot tell (it does not
     * parse, it is not {@link #bounded}, or it reads more than {@link #MAX_SAMPLED} variables).
     *
     * <p>The variables of {@code others} are set by the playbook but have no value at upload either, so
     * each is given, in turn, every one of {@link #SAMPLES} (null among them), and the condition
     * evaluated with the missing ones absent for each combination. Only the missing ones decide: where
     * a combination gives no yes/no answer, the condition copes unless giving the missing ones some
     * sample values makes it answer (then it is their absence that stops the run); a combination that
     * gives no answer whatever the missing ones hold (a sample of the wrong type for another variable)
     * is no fault of theirs. So {@code =callNote != null and amount > 100} does not cope (once callNote
     * is set, amount is read), and {@code =amount > 100 or callNote > 5} is not blamed on callNote's text.
     *
     * @param missing variables nothing in the playbook sets
     * @param others the other variables the condition reads
     */
    static Optional<Boolean> copesWithout(String condition, Collection<String> missing, Collection<String> others) {
        String feel = condition.substring(1);
        if (missing.size() + others.size() > MAX_SAMPLED
                || feel.length() > MAX_CONDITION_LENGTH
                || nesting(feel) > MAX_NESTING) {
            return Optional.empty();
        }
        ParseResult parsed = FEEL.parseExpression(feel);
        Set<String> variables = new HashSet<>(missing);
        variables.addAll(others);
        if (parsed.isFailure() || !bounded(parsed.parsedExpression().expression(), variables)) {
            return Optional.empty();
        }
        for (Map<String, Object> given : combinations(List.copyOf(others))) {
            if (answers(parsed, given)) {
                continue;
            }
            for (Map<String, Object> more : combinations(List.copyOf(missing))) {
                Map<String, Object> all = new HashMap<>(given);
                all.putAll(more);
                if (answers(parsed, all)) {
                    return Optional.of(false);
                }
            }
        }
        return Optional.of(true);
    }

    /**
     * Which of {@code values} a condition (with its leading {@code =}) answers yes or no with when {@code variable}
     * holds it ({@code =amount > 100} only with a number), each other variable it reads being given every one of
     * {@code values} and null in turn (one combination that answers is enough); empty when Baton cannot tell, as for
     * {@link #copesWithout}. {@link VariableKinds} reads from it the kind of value the condition wants.
     *
     * @param others the other variables the condition reads
     * @return for each of {@code values}, in order, whether some combination answers
     */
    static Optional<List<Boolean>> answersWith(
            String condition, String variable, List<Object> values, Collection<String> others) {
        String feel = condition.substring(1);
        if (others.size() + 1 > MAX_SAMPLED || feel.length() > MAX_CONDITION_LENGTH || nesting(feel) > MAX_NESTING) {
            return Optional.empty();
        }
        ParseResult parsed = FEEL.parseExpression(feel);
        Set<String> variables = new HashSet<>(others);
        variables.add(variable);
        if (parsed.isFailure() || !bounded(parsed.parsedExpression().expression(), variables)) {
            return Optional.empty();
        }
        List<Object> samples = new ArrayList<>(values);
        samples.add(null);
        List<Map<String, Object>> combinations = combinations(List.copyOf(others), samples);
        List<Boolean> out = new ArrayList<>();
        for (Object value : values) {
            out.add(combinations.stream().anyMatch(given -> {
                Map<String, Object> all = new HashMap<>(given);
                all.put(variable, value);
                return answers(parsed, all);
            }));
        }
        return Optional.of(out);
    }

    private static boolean answers(ParseResult parsed, Map<String, Object> variables) {
        EvaluationResult result = FEEL.evaluate(parsed.parsedExpression(), variables);
        return result.isSuccess() && result.result() instanceof Boolean;
    }

    /** Every way to give each name one of {@link #SAMPLES} (one empty map for no names). */
    private static List<Map<String, Object>> combinations(List<String> names) {
        return combinations(names, SAMPLES);
    }

    /** Every way to give each name one of {@code samples}. */
    private static List<Map<String, Object>> combinations(List<String> names, List<Object> samples) {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(new HashMap<>());
        for (String name : names) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : all) {
                for (Object sample : samples) {
                    Map<String, Object> one = new HashMap<>(partial);
                    one.put(name, sample);
                    next.add(one);
                }
            }
            all = next;
        }
        return all;
    }

    /** Longer than a condition is written by hand: not parsed for the variables it reads. */
    static final int MAX_CONDITION_LENGTH = 4096;

    /**
     * The variables the expression (with its leading {@code =}) reads, by their first name ({@code
     * deal.amount} reads {@code deal}); null when Baton cannot tell: it does not parse, is too long or
     * nested too deep to parse, or names things of its own that Baton cannot tell from variables (a
     * function's parameters, a context's entries). The names a {@code some}, {@code every} or {@code for}
     * binds are left out of what it reads ({@code some x in items satisfies x > 1} reads items), and so is
     * a filter's condition ({@code items[item > 1]} reads items; {@code item}, and the keys of a list of
     * contexts, {@code deals[amount > 100]}, are the filter's own names): the names it gives are those read
     * for certain. Only parsed, never evaluated.
     */
    static Set<String> variablesRead(String expression) {
        Read read = read(expression);
        return read == null ? null : read.certain();
    }

    /**
     * As {@link #variablesRead}, but null also when a filter's condition reads a name other than {@code item}
     * (a key of the items or a variable): every variable the expression may read, or null.
     */
    static Set<String> everyVariableRead(String expression) {
        Read read = read(expression);
        return read == null || !read.unsure().isEmpty() ? null : read.certain();
    }

    /** The names an expression reads for certain, and those a filter's condition reads (keys or variables). */
    private record Read(Set<String> certain, Set<String> unsure) {}

    private static Read read(String expression) {
        String feel = expression.substring(1);
        if (feel.length() > MAX_CONDITION_LENGTH || nesting(feel) > MAX_NESTING) {
            return null;
        }
        ParseResult parsed = FEEL.parseExpression(feel);
        if (parsed.isFailure()) {
            return null;
        }
        Read read = new Read(new java.util.LinkedHashSet<>(), new java.util.LinkedHashSet<>());
        return reads(parsed.parsedExpression().expression(), read.certain(), Set.of(), read.unsure()) ? read : null;
    }

    /**
     * Adds what the node reads to {@code read}, but the names of {@code bound}, and what a filter's condition in
     * it reads to {@code unsure}; false when it binds names Baton cannot tell from variables.
     */
    private static boolean reads(Object node, Set<String> read, Set<String> bound, Set<String> unsure) {
        return switch (node) {
            case Ref r -> {
                if (!bound.contains(r.names().head())) {
                    read.add(r.names().head()); // a path's keys ({@code deal.amount}) are no variables
                }
                yield true;
            }
            case For f -> iterating(f.iterators(), f.exp(), read, bound, unsure);
            case SomeItem s -> iterating(s.iterators(), s.condition(), read, bound, unsure);
            case EveryItem e -> iterating(e.iterators(), e.condition(), read, bound, unsure);
            // each name in the condition but item is a key of the item (a context's entries are in scope there,
            // deals[amount > 100]) or a variable: only the run's values tell
            case Filter f ->
                reads(f.list(), read, bound, unsure) && reads(f.filter(), unsure, with(bound, "item"), unsure);
            case FunctionDefinition f -> false;
            case ConstContext c -> false;
            case scala.collection.Iterable<?> items -> {
                boolean known = true;
                for (scala.collection.Iterator<?> i = items.iterator(); i.hasNext() && known; ) {
                    known = reads(i.next(), read, bound, unsure);
                }
                yield known;
            }
            case scala.Product p -> {
                boolean known = true;
                for (scala.collection.Iterator<?> i = p.productIterator(); i.hasNext() && known; ) {
                    known = reads(i.next(), read, bound, unsure);
                }
                yield known;
            }
            default -> true; // a literal's value, a function's or a key's name
        };
    }

    /** What {@code for}, {@code some} or {@code every} reads: each list, and the body, but the names they bind. */
    private static boolean iterating(
            scala.collection.immutable.List<scala.Tuple2<String, Exp>> iterators,
            Exp body,
            Set<String> read,
            Set<String> bound,
            Set<String> unsure) {
        Set<String> binding = new HashSet<>(bound);
        for (scala.Tuple2<String, Exp> iterator : CollectionConverters.asJava(iterators)) {
            if (!reads(iterator._2(), read, binding, unsure)) {
                return false;
            }
            binding.add(iterator._1());
        }
        return reads(body, read, binding, unsure);
    }

    private static Set<String> with(Set<String> names, String name) {
        Set<String> all = new HashSet<>(names);
        all.add(name);
        return all;
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
