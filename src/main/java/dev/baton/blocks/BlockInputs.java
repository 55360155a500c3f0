package dev.baton.blocks;

import dev.baton.shared.Text;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A block job's inputs: its variables (input mappings and the process variables it fetched) win
 * over its task headers. Every reader throws {@link BlockInputError} naming the input when it is
 * missing or cannot be read.
 */
public final class BlockInputs {

    /** What every refusal of an input that came out empty ends with. */
    static final String NOTHING_DONE = "the step does nothing with an input that came out empty or wrong";

    static final String GAVE_NULL = "gave nothing (null): the expression written for it has no value in this run (it"
            + " reads a variable that is not set, say, or calls a function the engine does not run, such as a Java"
            + " method); " + NOTHING_DONE;

    static final String GAVE_BLANK = "is blank: the value or expression written for it gives no text; " + NOTHING_DONE;

    private final Map<String, Object> variables;
    private final Map<String, String> headers;

    /** @param variables the job's variables; @param headers the job's custom headers */
    public BlockInputs(Map<String, Object> variables, Map<String, String> headers) {
        this.variables = variables == null ? Map.of() : variables;
        this.headers = headers == null ? Map.of() : headers;
    }

    /**
     * The input as trimmed text; empty when it is not given at all (no variable and no task header of
     * that name). Given but empty is not the same as left out: an input mapping whose expression has
     * no value in this run (it reads a variable that is not set, or calls a function the engine does not
     * run, such as a Java method: FEEL then gives null) would otherwise make the block act on a default
     * nobody meant (a mail with no message, an interaction in the owner's name), so it is refused.
     *
     * @throws BlockInputError naming the input when it is given but null, blank (white space and
     *     invisible characters only), a yes/no value, a list or a map
     */
    public Optional<String> text(String name) {
        boolean variable = variables.containsKey(name);
        if (!variable && !headers.containsKey(name)) {
            return Optional.empty();
        }
        Object value = variable ? variables.get(name) : headers.get(name);
        if (value == null) {
            throw new BlockInputError(name, GAVE_NULL);
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new BlockInputError(name, "must be a single value, not " + value);
        }
        if (value instanceof Boolean) {
            throw new BlockInputError(
                    name, "is " + value + ", a yes/no value (a comparison, say), not text: " + NOTHING_DONE);
        }
        String text = String.valueOf(value).strip();
        if (Text.normalise(text).isEmpty()) {
            throw new BlockInputError(name, GAVE_BLANK);
        }
        return Optional.of(text);
    }

    public String required(String name) {
        return text(name)
                .orElseThrow(() -> new BlockInputError(
                        name, "is missing: set it as an input mapping (Inputs) or a task header (Headers)"));
    }

    /** One of {@code choices}, matched ignoring case, returned as written in {@code choices}. */
    public String choice(String name, Collection<String> choices) {
        String given = required(name);
        return choices.stream()
                .filter(c -> c.equalsIgnoreCase(given))
                .findFirst()
                .orElseThrow(
                        () -> new BlockInputError(name, "'" + given + "' is none of " + String.join(", ", choices)));
    }

    /**
     * Who launched the playbook: the process variable {@code launchedBy}, which only the catalogue's
     * launch sets (never a header: a model cannot name it). Every block acts with this person's rights
     * on its account ({@link BlockPeople#requireLauncherMay}), while they are still with the company.
     *
     * @throws BlockInputError naming {@code launchedBy} when the instance has none (started before
     *     Baton recorded launchers, or not from the catalogue)
     */
    public String launcher() {
        return launcherIfKnown()
                .orElseThrow(() -> new BlockInputError(
                        Blocks.LAUNCHED_BY,
                        "is missing: Baton cannot tell who launched this instance, so it cannot check that they may make"
                                + " this change; launch the playbook from the catalogue"));
    }

    /**
     * {@link #launcher()}, or empty for an instance nobody launched (one Baton or a timer started, or
     * started before Baton recorded launchers): nobody's rights to ask, so a block checks none and
     * is an incident only when its inputs ask for a change that needs them (giving someone work).
     */
    public Optional<String> launcherIfKnown() {
        if (!variables.containsKey(Blocks.LAUNCHED_BY)) {
            return Optional.empty();
        }
        if (variables.get(Blocks.LAUNCHED_BY) instanceof String name && !name.isBlank()) {
            return Optional.of(name.strip());
        }
        // only a launch sets it, to a user name; an empty one must not pass for "nobody launched this run",
        // which would let the block act with nobody's rights checked
        Object value = variables.get(Blocks.LAUNCHED_BY);
        throw new BlockInputError(
                Blocks.LAUNCHED_BY,
                (value == null ? "is empty (null)" : "is '" + value + "'")
                        + ", not the user name Baton sets when the playbook is launched, so Baton cannot check whose"
                        + " rights the step acts with; " + NOTHING_DONE);
    }

    /** The process's account: {@code accountId}, a Baton account id (a whole number). */
    public long accountId() {
        Object value = variables.get(Blocks.ACCOUNT_ID);
        if (value == null && variables.containsKey(Blocks.ACCOUNT_ID)) {
            throw new BlockInputError(Blocks.ACCOUNT_ID, GAVE_NULL);
        }
        if (value == null) {
            throw new BlockInputError(
                    Blocks.ACCOUNT_ID, "is missing: launch the playbook on an account (variable accountId)");
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() > 0) {
            return n.longValue();
        }
        if (value instanceof String s && s.strip().matches("[1-9]\\d{0,17}")) {
            return Long.parseLong(s.strip());
        }
        throw new BlockInputError(Blocks.ACCOUNT_ID, "'" + value + "' is not a Baton account id");
    }

    /**
     * A date: ISO ({@code 2026-12-01}, or a date-time whose date part is taken) or a period from
     * {@code today} ({@code P14D}, {@code P1M}); empty when not given.
     */
    public Optional<LocalDate> date(String name, LocalDate today) {
        return text(name).map(text -> {
            try {
                if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                    return today.plus(Period.parse(text));
                }
                return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
            } catch (DateTimeException | ArithmeticException e) {
                throw new BlockInputError(
                        name, "'" + text + "' is not a date (e.g. 2026-12-01) or a period from today (e.g. P14D)");
            }
        });
    }
}
