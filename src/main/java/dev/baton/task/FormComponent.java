package dev.baton.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * One component of a Camunda Forms (form-js) schema, as Baton reads it: an input, a container
 * ({@code group}, {@code dynamiclist}) with its children, or display only. Properties form-js lets
 * be FEEL expressions ({@code "=..."}) are kept as written and evaluated against the form's data
 * when a form is shown or checked; plain bounds are numbers.
 *
 * @param path the value path: a keyed input's key, a container's {@code path}, split at dots (a
 *     group without a path adds none)
 * @param input the input's type, or null for containers and display components
 * @param readonly {@code true}, {@code false} or a FEEL expression
 * @param hide the {@code conditional.hide} FEEL expression, or null
 * @param description the help text under the field, when written as plain text (form-js's {@code
 *     description}; one written as a FEEL expression is not shown), or null
 */
record FormComponent(
        String id,
        String type,
        List<String> path,
        Object label,
        FormField.Type input,
        Kind kind,
        boolean required,
        Object minLength,
        Object maxLength,
        Object min,
        Object max,
        String pattern,
        String validationType,
        Integer decimalDigits,
        List<FormField.Option> options,
        String valuesKey,
        String valuesExpression,
        boolean disabled,
        Object readonly,
        String hide,
        String expression,
        int defaultRepetitions,
        List<FormComponent> components,
        String description) {

    enum Kind {
        INPUT,
        /** an {@code expression} component: its value is computed, never typed in */
        COMPUTED,
        GROUP,
        LIST,
        DISPLAY
    }

    private static final Set<String> DISPLAY =
            Set.of("text", "html", "image", "spacer", "separator", "button", "iframe", "table", "documentPreview");
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean keyed() {
        return kind == Kind.INPUT || kind == Kind.COMPUTED;
    }

    /**
     * Whether checking an answer reads the task's variables here or below ({@link FormCheck}): a FEEL
     * expression (label, bounds, a computed value, options), a condition, options from a variable, or a
     * read-only or disabled input (it keeps the variable's value). A display component is not checked.
     */
    boolean readsVariables() {
        if (kind == Kind.DISPLAY) {
            return false;
        }
        return hide != null
                || disabled
                || (readonly != null && !Boolean.FALSE.equals(readonly))
                || valuesKey != null
                || valuesExpression != null
                || expression != null
                || kind == Kind.COMPUTED
                || Stream.of(label, minLength, maxLength, min, max).anyMatch(FeelExpressions::isExpression)
                || components.stream().anyMatch(FormComponent::readsVariables);
    }

    /** How the component is named in a message: its type and key (or id). */
    String describe() {
        String name = keyed() || kind == Kind.LIST ? String.join(".", path) : id;
        return type + " '" + (name == null || name.isBlank() ? "(no id)" : name) + "'";
    }

    /** The components of a schema; each one Baton cannot handle adds a plain problem to the list. */
    static List<FormComponent> parseAll(JsonNode components, List<String> problems) {
        List<FormComponent> parsed = new ArrayList<>();
        for (JsonNode c : components) {
            FormComponent component = parse(c, problems);
            if (component != null) {
                parsed.add(component);
            }
        }
        return parsed;
    }

    private static FormComponent parse(JsonNode c, List<String> problems) {
        String type = c.path("type").asText("");
        Kind kind = kind(type);
        FormField.Type input = inputType(type, c.path("subtype").asText("date"));
        String id = c.path("id").asText(null);
        String where = type + " '" + (c.hasNonNull("key") ? c.get("key").asText() : id) + "'";
        if (type.equals("filepicker")) {
            problems.add(where + ": file uploads are not supported by Baton; remove the component");
            return null;
        }
        if (kind == null || (kind == Kind.INPUT && input == null)) {
            problems.add(where + ": Baton does not know the component type '" + type
                    + (type.equals("datetime")
                            ? "' with subtype '" + c.path("subtype").asText()
                            : "") + "'");
            return null;
        }
        String pathText = kind == Kind.INPUT || kind == Kind.COMPUTED
                ? c.path("key").asText("")
                : c.path("path").asText("");
        if ((kind == Kind.INPUT || kind == Kind.COMPUTED || kind == Kind.LIST) && pathText.isBlank()) {
            problems.add(where + ": it has no " + (kind == Kind.LIST ? "path" : "key")
                    + ", so its value has no name the process could use");
            return null;
        }
        JsonNode validate = c.path("validate");
        FormComponent component = new FormComponent(
                id,
                type,
                pathText.isBlank() ? List.of() : Arrays.asList(pathText.split("\\.")),
                labelOf(c),
                input,
                kind,
                validate.path("required").asBoolean(false),
                bound(validate, "minLength", where, problems),
                bound(validate, "maxLength", where, problems),
                bound(validate, "min", where, problems),
                bound(validate, "max", where, problems),
                text(validate.path("pattern")),
                text(validate.path("validationType")),
                c.hasNonNull("decimalDigits") ? c.get("decimalDigits").asInt() : null,
                options(c.path("values")),
                text(c.path("valuesKey")),
                text(c.path("valuesExpression")),
                c.path("disabled").asBoolean(false),
                c.path("readonly").isTextual()
                        ? c.get("readonly").asText()
                        : c.path("readonly").asBoolean(false),
                text(c.path("conditional").path("hide")),
                text(c.path("expression")),
                c.path("defaultRepetitions").asInt(1),
                kind == Kind.GROUP || kind == Kind.LIST ? parseAll(c.path("components"), problems) : List.of(),
                plainText(c.path("description")));
        component.check(where, problems);
        return component;
    }

    private void check(String where, List<String> problems) {
        for (Object property : Arrays.asList(label, readonly, hide, valuesExpression, expression)) {
            feel(property, where, problems);
        }
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.add(where + ": its pattern '" + pattern + "' is not a valid regular expression");
            }
        }
        if (validationType != null && !Set.of("email", "phone").contains(validationType)) {
            problems.add(where + ": validationType '" + validationType + "' is unknown (email or phone)");
        }
        boolean choice =
                input == FormField.Type.SELECT || input == FormField.Type.CHECKLIST || input == FormField.Type.TAGLIST;
        if (choice && options.isEmpty() && valuesKey == null && valuesExpression == null) {
            problems.add(where + ": it has no options (static values, valuesKey or valuesExpression)");
        }
        if (kind == Kind.COMPUTED && expression == null) {
            problems.add(where + ": an expression field needs an expression");
        }
    }

    private static void feel(Object property, String where, List<String> problems) {
        if (FeelExpressions.isExpression(property)) {
            String problem = FeelExpressions.syntaxProblem((String) property);
            if (problem != null) {
                problems.add(where + ": '" + property + "' is not a FEEL expression Baton can read (" + problem + ")");
            }
        }
    }

    /** A bound as written: a number, or a FEEL expression to evaluate later. */
    private static Object bound(JsonNode validate, String name, String where, List<String> problems) {
        JsonNode node = validate.path(name);
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        if (FeelExpressions.isExpression(node.asText())) {
            feel(node.asText(), where, problems);
            return node.asText();
        }
        try {
            return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            problems.add(where + ": " + name + " '" + node.asText() + "' is neither a number nor a FEEL expression");
            return null;
        }
    }

    private static Object labelOf(JsonNode c) {
        JsonNode label = c.hasNonNull("label") ? c.get("label") : c.path("dateLabel");
        return label.isTextual() ? label.asText() : null;
    }

    private static String plainText(JsonNode node) {
        String text = text(node);
        return text == null || FeelExpressions.isExpression(text) ? null : text;
    }

    private static String text(JsonNode node) {
        String text = node.isValueNode() ? node.asText("") : "";
        return text.isBlank() ? null : text;
    }

    /** Static options as form-js keeps them: a value of any plain type, shown by its label. */
    private static List<FormField.Option> options(JsonNode values) {
        List<Object> raw = new ArrayList<>();
        values.forEach(v -> raw.add(JSON.convertValue(v, Object.class)));
        return FormField.Option.normalise(raw);
    }

    private static Kind kind(String type) {
        return switch (type) {
            case "group" -> Kind.GROUP;
            case "dynamiclist" -> Kind.LIST;
            case "expression" -> Kind.COMPUTED;
            default -> DISPLAY.contains(type) ? Kind.DISPLAY : inputType(type, "date") != null ? Kind.INPUT : null;
        };
    }

    private static FormField.Type inputType(String type, String subtype) {
        return switch (type) {
            case "textfield" -> FormField.Type.TEXT;
            case "textarea" -> FormField.Type.TEXTAREA;
            case "number" -> FormField.Type.NUMBER;
            case "checkbox" -> FormField.Type.CHECKBOX;
            case "select", "radio" -> FormField.Type.SELECT;
            case "checklist" -> FormField.Type.CHECKLIST;
            case "taglist" -> FormField.Type.TAGLIST;
            case "datetime" ->
                switch (subtype) {
                    case "date" -> FormField.Type.DATE;
                    case "time" -> FormField.Type.TIME;
                    case "datetime" -> FormField.Type.DATETIME;
                    default -> null;
                };
            default -> null;
        };
    }
}
