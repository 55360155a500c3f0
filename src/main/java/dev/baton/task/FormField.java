package dev.baton.task;

import dev.baton.shared.SizeInCharacters;
import dev.baton.shared.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One input of a task form as a person fills it in, read from a Camunda Forms component, with the
 * checks Camunda Forms offers ({@code validate}: required, minLength/maxLength for text, min/max for
 * numbers, pattern), expressions in them already evaluated against the task's variables.
 *
 * @param key the value's path: {@code amount}, {@code address.street} (in a group with a path),
 *     {@code items[0].name} (a row of a dynamic list)
 * @param required required while shown: a field hidden by a condition ({@code hiddenWhen}) is not
 * @param readonly shown but not changeable (form-js {@code disabled} or {@code readonly}): the
 *     process keeps the value it has
 * @param maxLength the most characters the server takes in a text field: the form's own, else {@link
 *     #DEFAULT_MAX_TEXT} or {@link #DEFAULT_MAX_TEXTAREA}; null for other types
 * @param hiddenWhen the form-js {@code conditional.hide} conditions that hide the field: those of the
 *     groups and dynamic lists around it (outermost first), then its own; the server's answer check (FormCheck)
 *     treats it as form-js does: hidden while any is true, and then neither required nor kept
 */
public record FormField(
        String key,
        String label,
        Type type,

        @Schema(
                description = "Required while the field is shown: a field hidden by one of its hiddenWhen"
                        + " conditions is not required, and its value is not kept")
        boolean required,

        List<Option> options,
        Integer minLength,

        @Schema(
                description = "The most characters (code points: an emoji is one) the server takes in a text field:"
                        + " the form's own validate.maxLength, else 1000 for a one-line text field and 20000 for a"
                        + " textarea; null for other fields")
        Integer maxLength,

        BigDecimal min,
        BigDecimal max,
        String pattern,
        boolean readonly,

        @Schema(
                description = "The form-js conditions (conditional.hide, FEEL as written, e.g. \"=escalate != true\")"
                        + " that hide this field: those of the groups and dynamic lists around it, outermost first,"
                        + " then its own. The field is hidden while any of them is true, evaluated as form-js does"
                        + " against the form's data (this: the field's group or list row, parent, i); while hidden it"
                        + " is neither required nor kept. Empty when the field is always shown")
        List<String> hiddenWhen,

        @Schema(description = "Help under the field: what may be typed (the form's description), or null")
        String description) {

    public enum Type {
        TEXT,
        TEXTAREA,
        NUMBER,
        CHECKBOX,
        SELECT,
        /** several of the options, as a list of their values ({@code checklist}) */
        CHECKLIST,
        /** the same, picked as tags ({@code taglist}) */
        TAGLIST,
        DATE,
        /** a time of day: {@code 09:30}, or with an offset as form-js may submit it ({@code 09:30+01:00}) */
        TIME,
        /** a date and time, with an offset or without one (form-js's "no timezone" format) */
        DATETIME
    }

    /** A choice: its value (text, number or boolean, as the form or variable has it) and its label. */
    public record Option(Object value, String label) {

        /** The value as an HTML form sends it back. */
        public String text() {
            return String.valueOf(value);
        }

        /**
         * Options as form-js reads them: {@code {label, value}} objects, or plain values that are
         * their own label; anything else (null, blank, an object without a value) is left out.
         */
        static List<Option> normalise(Object raw) {
            List<Option> options = new ArrayList<>();
            if (raw instanceof List<?> list) {
                for (Object o : list) {
                    if (plain(o)) {
                        options.add(new Option(o, String.valueOf(o)));
                    } else if (o instanceof Map<?, ?> m && m.get("value") != null) {
                        Object label = m.get("label");
                        boolean named = label instanceof String s && !s.isBlank();
                        if (named || plain(m.get("value"))) {
                            options.add(new Option(
                                    m.get("value"), named ? (String) label : String.valueOf(m.get("value"))));
                        }
                    }
                }
            }
            return options;
        }

        private static boolean plain(Object o) {
            return (o instanceof String s && !s.isEmpty()) || o instanceof Number || o instanceof Boolean;
        }
    }

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
        // the limit the server applies, said where an API client reads the form (until session 39 null for a
        // field without its own, though longer text was refused)
        if (maxLength == null && (type == Type.TEXT || type == Type.TEXTAREA)) {
            maxLength = type == Type.TEXT ? DEFAULT_MAX_TEXT : DEFAULT_MAX_TEXTAREA;
        }
        hiddenWhen = hiddenWhen == null ? List.of() : List.copyOf(hiddenWhen);
    }

    /** An input with no checks beyond required. */
    public FormField(String key, String label, Type type, boolean required, List<Option> options) {
        this(key, label, type, required, options, null, null, null, null, null, false, List.of(), null);
    }

    /** Whether the value is a list of option values. */
    public boolean multiple() {
        return type == Type.CHECKLIST || type == Type.TAGLIST;
    }

    /**
     * The longest text a field without its own {@code maxLength} takes: an answer of megabytes would
     * exceed the engine's message limit and wedge the task. A one-line field is a name or a short answer.
     */
    static final int DEFAULT_MAX_TEXT = 1_000;

    /** The same for a textarea: a note of several pages. */
    static final int DEFAULT_MAX_TEXTAREA = 20_000;

    /** The message for a converted value that breaks one of the checks, or null when it passes. */
    String violation(Object value) {
        if (value instanceof String text && (type == Type.TEXT || type == Type.TEXTAREA)) {
            String notText = Text.notPlainText(text);
            if (notText != null) {
                return notText;
            }
            // characters (code points) as people count them, not UTF-16 units: an emoji is one
            int characters = SizeInCharacters.characters(text);
            if (minLength != null && characters < minLength) {
                return SizeInCharacters.atLeast(minLength);
            }
            if (characters > maxLength) {
                return SizeInCharacters.atMost(maxLength);
            }
            // as form-js tests it (JavaScript's RegExp.test): anywhere in the text, unless anchored
            if (pattern != null
                    && !java.util.regex.Pattern.compile(pattern).matcher(text).find()) {
                return "must match the pattern " + pattern;
            }
        }
        if (value instanceof Number n && type == Type.NUMBER) {
            BigDecimal number = new BigDecimal(n.toString());
            if (min != null && number.compareTo(min) < 0) {
                return "must be at least " + shown(min);
            }
            if (max != null && number.compareTo(max) > 0) {
                return "must be at most " + shown(max);
            }
        }
        return null;
    }

    /**
     * A bound as the form states it: plainly up to 21 characters (10000, 0.25), else with its exponent as
     * written in the form's JSON (1.0E300, 1E-7), where JavaScript switches too; probe 46 was told "must be at most
     * 1000…000" with 301 digits for a max of 1e300.
     */
    static String shown(BigDecimal bound) {
        String plain = bound.stripTrailingZeros().toPlainString();
        return plain.length() <= 21 ? plain : bound.toString().replace("E+", "E");
    }
}
