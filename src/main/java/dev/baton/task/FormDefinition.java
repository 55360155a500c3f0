package dev.baton.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a Camunda Forms file (with their {@code validate} checks) (top-level components only; layout and display components
 * are skipped), and the check of submitted values against them. Values arrive typed (JSON) from the
 * API and as strings from HTML forms; both are accepted and normalised to what the process expects.
 */
public record FormDefinition(String id, List<FormField> fields) {

    public static final FormDefinition NONE = new FormDefinition(null, List.of());

    /** Numbers a long holds (whole) or a double holds exactly enough; see {@link FormField#violation}. */
    static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(Long.MAX_VALUE);

    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    static FormDefinition parse(JsonNode form) {
        List<FormField> fields = new ArrayList<>();
        for (JsonNode c : form.path("components")) {
            FormField.Type type = typeOf(c);
            String key = c.path("key").asText("");
            if (type == null || key.isBlank()) {
                continue;
            }
            String label = c.hasNonNull("label")
                    ? c.get("label").asText()
                    : c.path("dateLabel").asText(key);
            List<FormField.Option> options = new ArrayList<>();
            c.path("values")
                    .forEach(v -> options.add(new FormField.Option(
                            v.path("value").asText(), v.path("label").asText())));
            JsonNode validate = c.path("validate");
            fields.add(new FormField(
                    key,
                    label,
                    type,
                    validate.path("required").asBoolean(false),
                    options,
                    integer(validate, "minLength"),
                    integer(validate, "maxLength"),
                    decimal(validate, "min"),
                    decimal(validate, "max"),
                    text(validate, "pattern")));
        }
        return new FormDefinition(form.path("id").asText(null), fields);
    }

    private static String text(JsonNode node, String name) {
        String text = node.path(name).asText("");
        return text.isBlank() ? null : text;
    }

    private static Integer integer(JsonNode node, String name) {
        String text = text(node, name);
        return text == null ? null : Integer.valueOf(text);
    }

    /** Camunda Forms writes numbers, but a hand-edited file may quote them. */
    private static BigDecimal decimal(JsonNode node, String name) {
        String text = text(node, name);
        return text == null ? null : new BigDecimal(text);
    }

    private static FormField.Type typeOf(JsonNode component) {
        return switch (component.path("type").asText()) {
            case "textfield" -> FormField.Type.TEXT;
            case "textarea" -> FormField.Type.TEXTAREA;
            case "number" -> FormField.Type.NUMBER;
            case "checkbox" -> FormField.Type.CHECKBOX;
            case "select", "radio" -> FormField.Type.SELECT;
            case "datetime" ->
                switch (component.path("subtype").asText("date")) {
                    case "date" -> FormField.Type.DATE;
                    case "datetime" -> FormField.Type.DATETIME;
                    default -> FormField.Type.TEXT;
                };
            default -> null;
        };
    }

    /**
     * The values the process gets: only this form's fields (nothing else reaches the process), each
     * converted to its type. Throws {@link InvalidFormValues} naming every bad field.
     */
    public Map<String, Object> validate(Map<String, ?> submitted) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : fields) {
            Object raw = submitted.get(field.key());
            boolean blank = raw == null || (raw instanceof String s && s.isBlank());
            if (field.type() == FormField.Type.CHECKBOX) {
                Boolean checked = blank ? Boolean.FALSE : toBoolean(raw);
                if (checked == null) {
                    errors.put(field.key(), "must be checked or not (true or false)");
                } else if (field.required() && !checked) {
                    errors.put(field.key(), "must be checked");
                } else {
                    values.put(field.key(), checked);
                }
            } else if (blank) {
                if (field.required()) {
                    errors.put(field.key(), "is required");
                }
            } else {
                try {
                    Object value = convert(field, raw);
                    String violation = field.violation(value);
                    if (violation == null) {
                        values.put(field.key(), value);
                    } else {
                        errors.put(field.key(), violation);
                    }
                } catch (OutOfRange e) {
                    errors.put(field.key(), e.getMessage());
                } catch (IllegalArgumentException | DateTimeException e) {
                    errors.put(field.key(), message(field));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFormValues(errors);
        }
        return values;
    }

    private static Object convert(FormField field, Object raw) {
        String text = raw.toString().trim();
        return switch (field.type()) {
            case NUMBER -> {
                if (raw instanceof Boolean) {
                    throw new IllegalArgumentException();
                }
                BigDecimal n = new BigDecimal(text).stripTrailingZeros();
                // beyond a long (or a double's range) is a typing mistake, and the process could not hold it
                if (n.abs().compareTo(MAX_NUMBER) > 0) {
                    throw new OutOfRange("-" + MAX_NUMBER.toPlainString(), MAX_NUMBER.toPlainString());
                }
                yield n.scale() <= 0 ? (Object) n.longValueExact() : (Object) n.doubleValue();
            }
            case SELECT -> {
                if (field.options().stream().noneMatch(o -> o.value().equals(text))) {
                    throw new IllegalArgumentException();
                }
                yield text;
            }
            case DATE -> within(LocalDate.parse(text)).toString();
            case DATETIME -> {
                OffsetDateTime t = OffsetDateTime.parse(text);
                within(t.toLocalDate());
                yield t.toString();
            }
            default -> {
                if (!(raw instanceof String || raw instanceof Number)) {
                    throw new IllegalArgumentException();
                }
                yield text;
            }
        };
    }

    /** Dates a process can compute with (timers, due dates); further out is a typing mistake. */
    private static LocalDate within(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new OutOfRange(EARLIEST_DATE.toString(), LATEST_DATE.toString());
        }
        return date;
    }

    /** A well-formed value outside what the process can hold; its message is the field's error. */
    private static final class OutOfRange extends RuntimeException {
        OutOfRange(String from, String to) {
            super("must be between " + from + " and " + to, null, false, false);
        }
    }

    private static Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        return switch (raw.toString().trim().toLowerCase()) {
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> null;
        };
    }

    private static String message(FormField field) {
        return switch (field.type()) {
            case NUMBER -> "must be a number";
            case SELECT ->
                "must be one of "
                        + field.options().stream().map(FormField.Option::value).toList();
            case DATE -> "must be a date like 2026-01-31";
            case DATETIME -> "must be a date and time like 2026-01-31T09:00:00Z";
            default -> "must be text";
        };
    }
}
