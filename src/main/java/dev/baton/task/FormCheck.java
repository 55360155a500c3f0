package dev.baton.task;

import dev.baton.shared.InputErrors;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A submission checked against a form's components as form-js checks it, with the server's last
 * word: conditions ({@code conditional.hide}) and FEEL properties are evaluated against the task's
 * variables overlaid with the submitted values; a hidden input is neither required nor kept; a
 * disabled or read-only one keeps the variable's value; inputs in groups and dynamic lists are read
 * at their paths. One pass over the tree either checks a submission or lists the inputs to show. A
 * submitted key the form does not have is refused ({@link FormKeys}).
 */
final class FormCheck {

    /** Rows a dynamic list takes: more is a runaway client, and the process could not hold it. */
    static final int MAX_ROWS = 200;

    private final Map<String, Object> variables;
    private final Map<String, ?> submitted;
    private final Map<String, Object> data;
    private final boolean collecting;
    final Map<String, Object> output = new LinkedHashMap<>();
    final Map<String, String> errors = new LinkedHashMap<>();
    final List<FormField> fields = new ArrayList<>();

    /**
     * In {@link #display}: the labels written as FEEL that gave nothing, so the field is shown by its key,
     * by component id (fields outside dynamic lists only, whose component is one field), to that key.
     */
    final Map<String, String> keyedLabels = new LinkedHashMap<>();

    private FormCheck(
            List<FormComponent> components,
            Map<String, Object> variables,
            Map<String, ?> submitted,
            boolean collecting) {
        this.variables = variables;
        this.submitted = submitted;
        this.collecting = collecting;
        Map<String, Object> typed = new LinkedHashMap<>();
        if (!collecting) {
            typed(components, List.of(), typed);
        }
        this.data = FormPaths.merge(variables, typed);
        visit(components, new Scope(List.of(), data, null, List.of(), false, List.of()));
        if (!collecting) {
            errors.putAll(FormKeys.of(components).unknown(submitted));
        }
    }

    /** Checks the submission; the values are in {@link #output}, the problems in {@link #errors}. */
    static FormCheck submission(
            List<FormComponent> components, Map<String, ?> submitted, Map<String, Object> variables) {
        return new FormCheck(components, variables, submitted, false);
    }

    /** The inputs to show, their labels, bounds and options evaluated against the variables, in {@link #fields}. */
    static FormCheck display(List<FormComponent> components, Map<String, Object> variables) {
        return new FormCheck(components, variables, Map.of(), true);
    }

    /** Where the walk is: the value path so far, and form-js's {@code this}, {@code parent} and {@code i}. */
    private record Scope(
            List<Object> prefix, Object self, Object parent, List<Integer> i, boolean hidden, List<String> hiddenWhen) {

        /** The conditions around the walk with the component's own {@code conditional.hide}, if it has one. */
        List<String> hiddenWhen(FormComponent c) {
            if (c.hide() == null) {
                return hiddenWhen;
            }
            List<String> all = new ArrayList<>(hiddenWhen);
            all.add(c.hide());
            return List.copyOf(all);
        }
    }

    private void visit(List<FormComponent> list, Scope scope) {
        for (FormComponent c : list) {
            Map<String, Object> context = context(scope);
            boolean hidden = scope.hidden()
                    || (!collecting
                            && c.hide() != null
                            && Boolean.TRUE.equals(FeelExpressions.evaluate(c.hide(), context)));
            List<Object> path = FormPaths.join(scope.prefix(), c.path());
            switch (c.kind()) {
                case GROUP ->
                    visit(
                            c.components(),
                            new Scope(path, scope.self(), scope.parent(), scope.i(), hidden, scope.hiddenWhen(c)));
                case LIST -> {
                    if (!hidden) {
                        rows(c, path, scope);
                    }
                }
                case COMPUTED -> {
                    if (!hidden && !collecting) {
                        FormPaths.set(output, path, FeelExpressions.evaluate(c.expression(), context));
                    }
                }
                case INPUT -> input(c, path, context, hidden, scope.hiddenWhen(c));
                case DISPLAY -> {}
            }
        }
    }

    private void rows(FormComponent list, List<Object> path, Scope scope) {
        Object given = FormPaths.get(collecting ? variables : submitted, path);
        int count;
        if (given instanceof List<?> rows) {
            count = rows.size();
        } else if (collecting) {
            count = list.defaultRepetitions();
        } else {
            if (given != null) {
                errors.put(FormPaths.display(path), "must be a list of rows");
            }
            return;
        }
        if (count > MAX_ROWS) {
            errors.put(FormPaths.display(path), "must have at most " + MAX_ROWS + " rows");
            return;
        }
        List<Object> outRows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            outRows.add(new LinkedHashMap<String, Object>());
        }
        if (!collecting) {
            FormPaths.set(output, path, outRows);
        }
        for (int n = 0; n < count; n++) {
            List<Object> rowPath = FormPaths.join(path, List.of(n));
            List<Integer> i = new ArrayList<>(scope.i());
            i.add(n + 1);
            Object row = FormPaths.get(data, rowPath);
            visit(
                    list.components(),
                    new Scope(
                            rowPath,
                            row instanceof Map<?, ?> ? row : Map.of(),
                            scope.self(),
                            i,
                            false,
                            scope.hiddenWhen(list)));
        }
    }

    private void input(
            FormComponent c, List<Object> path, Map<String, Object> context, boolean hidden, List<String> hiddenWhen) {
        if (hidden) {
            return; // as form-js: not required, and its value is not submitted
        }
        String key = FormPaths.display(path);
        boolean locked = c.disabled() || Boolean.TRUE.equals(FeelExpressions.resolve(c.readonly(), context));
        FormField field = new FormField(
                key,
                label(c, context, key),
                c.input(),
                c.required() && !locked,
                c.valuesKey() != null
                        ? FormField.Option.normalise(variables.get(c.valuesKey()))
                        : c.valuesExpression() != null
                                ? FormField.Option.normalise(FeelExpressions.evaluate(c.valuesExpression(), context))
                                : c.options(),
                integer(FeelExpressions.resolve(c.minLength(), context)),
                integer(FeelExpressions.resolve(c.maxLength(), context)),
                decimal(FeelExpressions.resolve(c.min(), context)),
                decimal(FeelExpressions.resolve(c.max(), context)),
                c.pattern(),
                locked,
                hiddenWhen,
                c.description());
        if (collecting) {
            fields.add(field);
            if (c.id() != null
                    && FeelExpressions.isExpression(c.label())
                    && field.label().equals(key)
                    && context.get("i") instanceof List<?> rows
                    && rows.isEmpty()) {
                keyedLabels.put(c.id(), key);
            }
            return;
        }
        Object raw = FormPaths.get(submitted, path);
        if (locked) {
            Object original = FormPaths.get(variables, path);
            if (!FormValues.blank(raw) && !same(attempt(field, raw), original)) {
                errors.put(key, "cannot be changed here: it is read-only");
            } else if (original != null) {
                FormPaths.set(output, path, original);
            }
            return;
        }
        check(field, c, path, raw);
    }

    private void check(FormField field, FormComponent c, List<Object> path, Object raw) {
        String key = field.key();
        if (FormValues.blank(raw) && field.type() == FormField.Type.CHECKBOX) {
            raw = Boolean.FALSE; // an unticked box sends nothing
        }
        if (FormValues.blank(raw)) {
            if (field.required()) {
                errors.put(key, "is required");
            } else if (field.multiple() && raw != null) {
                FormPaths.set(output, path, List.of());
            }
            return;
        }
        try {
            Object value = FormValues.convert(field, raw);
            String violation =
                    field.required() && Boolean.FALSE.equals(value) ? "must be checked" : field.violation(value);
            if (violation == null && value instanceof String text) {
                violation = preset(c, text);
            }
            if (violation == null && value instanceof Double d && c.decimalDigits() != null) {
                violation = BigDecimal.valueOf(d).stripTrailingZeros().scale() <= c.decimalDigits()
                        ? null
                        : c.decimalDigits() == 0
                                ? notANumber(field, c, raw)
                                : "must have at most " + c.decimalDigits() + " decimal digits";
            }
            if (violation == null) {
                FormPaths.set(output, path, value);
            } else {
                errors.put(key, violation);
            }
        } catch (FormValues.OutOfRange e) {
            // the field's own bound when it has one on that side ("must be at most 10"), else Baton's range
            String bound = e.sign == 0 ? null : field.violation(e.sign > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE);
            errors.put(key, bound != null ? bound : e.getMessage());
        } catch (IllegalArgumentException | DateTimeException e) {
            errors.put(
                    key, field.type() == FormField.Type.NUMBER ? notANumber(field, c, raw) : FormValues.message(field));
        }
    }

    /**
     * A number field's refusal in the words the API and pages use for a number they could not read
     * ({@link InputErrors#refused(String, String)}): "'abc' is not a whole number" where the field allows
     * no decimal digits (an id), "'abc' is not a number" otherwise.
     */
    private static String notANumber(FormField field, FormComponent c, Object raw) {
        Integer digits = c.decimalDigits();
        return InputErrors.refused(
                String.valueOf(raw).trim(),
                digits != null && digits == 0 ? "must be a whole number" : FormValues.message(field));
    }

    /** form-js's {@code validationType} checks. */
    private static String preset(FormComponent c, String text) {
        if ("email".equals(c.validationType())
                && !FormValues.EMAIL.matcher(text).find()) {
            return "must be an e-mail address";
        }
        if ("phone".equals(c.validationType())
                && !FormValues.PHONE.matcher(text).find()) {
            return "must be an international phone number, like +4930664040900";
        }
        return null;
    }

    /**
     * The submission with each input's value converted where it can be (text from HTML to numbers,
     * booleans): what conditions and expressions see, as form-js sees its typed data.
     */
    private void typed(List<FormComponent> list, List<Object> prefix, Map<String, Object> out) {
        for (FormComponent c : list) {
            List<Object> path = FormPaths.join(prefix, c.path());
            Object raw = FormPaths.get(submitted, path);
            switch (c.kind()) {
                case GROUP -> typed(c.components(), path, out);
                case LIST -> {
                    if (raw instanceof List<?> rows && rows.size() <= MAX_ROWS) {
                        List<Object> copy = new ArrayList<>();
                        rows.forEach(r -> copy.add(new LinkedHashMap<String, Object>()));
                        FormPaths.set(out, path, copy);
                        for (int n = 0; n < rows.size(); n++) {
                            typed(c.components(), FormPaths.join(path, List.of(n)), out);
                        }
                    }
                }
                case INPUT -> {
                    FormField field = new FormField(FormPaths.display(path), null, c.input(), false, c.options());
                    if (c.input() == FormField.Type.CHECKBOX && FormValues.blank(raw)) {
                        FormPaths.set(out, path, false);
                    } else if (raw != null) {
                        FormPaths.set(out, path, attempt(field, raw));
                    }
                }
                default -> {}
            }
        }
    }

    private static Object attempt(FormField field, Object raw) {
        try {
            return FormValues.convert(field, raw);
        } catch (RuntimeException e) {
            return raw;
        }
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(normal(a), normal(b));
    }

    private static Object normal(Object o) {
        if (o instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(FormCheck::normal).toList();
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new HashMap<>();
            m.forEach((k, v) -> copy.put(k, normal(v)));
            return copy;
        }
        return o;
    }

    /**
     * The label shown: as written, or its FEEL expression's value; the field's key when that gives nothing
     * (null, blank, or a failure: a variable that is not set, a function the engine does not run), as a
     * label reading "{{⚠}}" or nothing at all tells the person nothing. The task page's form-js gets the
     * same ({@link FormDefinition#schema(Map)}).
     */
    private static String label(FormComponent c, Map<String, Object> context, String key) {
        Object label = FeelExpressions.resolve(c.label(), context);
        return label == null || label.toString().isBlank() ? key : label.toString();
    }

    private static Integer integer(Object value) {
        BigDecimal d = decimal(value);
        return d == null ? null : d.intValue();
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }

    /** form-js's expression context: the data, and this, parent and i (also as _this_, _parent_, _i_). */
    private Map<String, Object> context(Scope scope) {
        Map<String, Object> context = new HashMap<>();
        context.put("this", scope.self());
        context.put("parent", scope.parent());
        context.put("i", scope.i());
        context.putAll(data);
        context.put("_this_", scope.self());
        context.put("_parent_", scope.parent());
        context.put("_i_", scope.i());
        return context;
    }
}
