package dev.baton.task;

import dev.baton.shared.Text;
import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a task form, as read from a Camunda Forms component, with the checks Camunda Forms
 * offers ({@code validate}: required, minLength/maxLength for text, min/max for numbers, pattern).
 */
public record FormField(
        String key,
        String label,
        Type type,
        boolean required,
        List<Option> options,
        Integer minLength,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        String pattern) {

    public enum Type {
        TEXT,
        TEXTAREA,
        NUMBER,
        CHECKBOX,
        SELECT,
        DATE,
        DATETIME
    }

    public record Option(String value, String label) {}

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** An input with no checks beyond required. */
    public FormField(String key, String label, Type type, boolean required, List<Option> options) {
        this(key, label, type, required, options, null, null, null, null, null);
    }

    /**
     * The longest text a field without its own {@code maxLength} takes: an answer of megabytes would
     * exceed the engine's message limit and wedge the task. A one-line field is a name or a short answer.
     */
    static final int DEFAULT_MAX_TEXT = 1_000;

    static final int DEFAULT_MAX_TEXTAREA = 20_000;

    /** The message for a converted value that breaks one of the checks, or null when it passes. */
    String violation(Object value) {
        if (value instanceof String text && (type == Type.TEXT || type == Type.TEXTAREA)) {
            String notText = Text.notPlainText(text);
            if (notText != null) {
                return notText;
            }
            int maxLength = this.maxLength != null
                    ? this.maxLength
                    : type == Type.TEXT ? DEFAULT_MAX_TEXT : DEFAULT_MAX_TEXTAREA;
            if (minLength != null && text.length() < minLength) {
                return "must be at least " + minLength + " characters";
            }
            if (text.length() > maxLength) {
                return "must be at most " + maxLength + " characters";
            }
            if (pattern != null && !text.matches(pattern)) {
                return "must match the pattern " + pattern;
            }
        }
        if (value instanceof Number n && type == Type.NUMBER) {
            BigDecimal number = new BigDecimal(n.toString());
            if (min != null && number.compareTo(min) < 0) {
                return "must be at least " + min.toPlainString();
            }
            if (max != null && number.compareTo(max) > 0) {
                return "must be at most " + max.toPlainString();
            }
        }
        return null;
    }
}
