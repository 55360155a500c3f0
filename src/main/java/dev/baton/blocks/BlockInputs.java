package dev.baton.blocks;

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

    private final Map<String, Object> variables;
    private final Map<String, String> headers;

    /** @param variables the job's variables; @param headers the job's custom headers */
    public BlockInputs(Map<String, Object> variables, Map<String, String> headers) {
        this.variables = variables == null ? Map.of() : variables;
        this.headers = headers == null ? Map.of() : headers;
    }

    /** The input as trimmed text; empty when not given or blank. */
    public Optional<String> text(String name) {
        Object value = variables.get(name);
        if (value == null) {
            value = headers.get(name);
        }
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new BlockInputError(name, "must be a single value, not " + value);
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
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
        return variables.get(Blocks.LAUNCHED_BY) instanceof String name && !name.isBlank()
                ? Optional.of(name.strip())
                : Optional.empty();
    }

    /** The process's account: {@code accountId}, a Baton account id (a whole number). */
    public long accountId() {
        Object value = variables.get(Blocks.ACCOUNT_ID);
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
