package dev.baton.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.blocks.Blocks;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.StrictJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Camunda Forms (form-js) schema as Baton understands it: its inputs, also inside groups and
 * dynamic lists, with their checks and conditions, and the check of a submission against them (see
 * {@link FormCheck}). A schema with parts Baton cannot handle keeps a plain problem for each; such a
 * form is refused at upload, and a task that has one anyway shows why and cannot be completed.
 */
public final class FormDefinition {

    public static final FormDefinition NONE = new FormDefinition(null, List.of(), List.of(), null);

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final ObjectMapper LABELS = new ObjectMapper();

    private final String id;
    private final List<FormComponent> components;
    private final List<String> problems;
    private final String schema;
    private final Set<String> names = new LinkedHashSet<>();
    private final boolean readsVariables;

    private FormDefinition(String id, List<FormComponent> components, List<String> problems, String schema) {
        this.id = id;
        this.components = List.copyOf(components);
        this.problems = List.copyOf(problems);
        this.schema = schema;
        this.readsVariables = this.components.stream().anyMatch(FormComponent::readsVariables);
        if (schema != null) {
            Matcher m = NAME.matcher(schema);
            while (m.find()) {
                names.add(m.group());
            }
        }
    }

    static FormDefinition parse(JsonNode form) {
        List<String> problems = new ArrayList<>();
        List<FormComponent> components = FormComponent.parseAll(form.path("components"), problems);
        reserved(components, problems);
        tooDeepToAnswer(components, 1, problems);
        return new FormDefinition(form.path("id").asText(null), components, problems, form.toString());
    }

    /**
     * A component whose value would be a variable only Baton sets ({@link Blocks#RESERVED}): whoever
     * answers the step would choose, say, who launched the playbook, and a block would act with that
     * person's rights. Its first path name is the variable (a group without a path adds none).
     */
    private static void reserved(List<FormComponent> components, List<String> problems) {
        for (FormComponent c : components) {
            if (c.path().isEmpty()) {
                reserved(c.components(), problems);
            } else if (Blocks.RESERVED.contains(c.path().getFirst().strip())) {
                String variable = c.path().getFirst().strip();
                problems.add(c.describe() + ": " + Blocks.setByBaton(variable) + ". Give the field another key");
            }
        }
    }

    /**
     * The first input whose answer would sit deeper than a request body may nest ({@link
     * StrictJson#MAX_NESTING}): such a form uploads but its step could never be completed, through the
     * API or the task page. The answer is an object (a level); a group's path adds a level per name, a
     * dynamic list's path a level per name and one for its rows' list; a key with dots a level per dot,
     * a list of values (checklist, taglist) one more.
     *
     * @param depth the level of the object the components' values are written in (the answer: 1)
     * @return whether a problem was added (the walk stops at the first)
     */
    private static boolean tooDeepToAnswer(List<FormComponent> components, int depth, List<String> problems) {
        for (FormComponent c : components) {
            int inner = switch (c.kind()) {
                case GROUP -> depth + c.path().size();
                case LIST -> depth + c.path().size() + 1;
                default -> depth + Math.max(c.path().size() - 1, 0) + (multiple(c) ? 1 : 0);
            };
            if (inner > StrictJson.MAX_NESTING) {
                problems.add(c.describe() + ": its answer would be nested " + inner
                        + " levels deep (each group's or dynamic list's path adds levels), and Baton takes answers"
                        + " nested at most " + StrictJson.MAX_NESTING + " levels deep. Flatten the form's groups");
                return true;
            }
            if (tooDeepToAnswer(c.components(), inner, problems)) {
                return true;
            }
        }
        return false;
    }

    private static boolean multiple(FormComponent c) {
        return c.input() == FormField.Type.CHECKLIST || c.input() == FormField.Type.TAGLIST;
    }

    /** A form that cannot be used at all, for the reason given. */
    static FormDefinition unusable(String why) {
        return new FormDefinition(null, List.of(), List.of(why), null);
    }

    /**
     * What Baton cannot handle in a Camunda Forms schema, one plain sentence per component naming it
     * (its type and key): an unknown component type, a file picker, an input without a key, a FEEL
     * expression that does not parse, a bound that is neither a number nor an expression, a pattern
     * that is no regular expression, options with no source, a value only Baton may set ({@code
     * launchedBy}, ...). Empty when the form can be used.
     */
    public static List<String> problems(JsonNode form) {
        return parse(form).problems;
    }

    public String id() {
        return id;
    }

    /** The schema's JSON as given (for form-js in the browser), or null for {@link #NONE}. */
    public String schema() {
        return schema;
    }

    /**
     * The schema for form-js on the task page, with the task's variables: as given, but a label written
     * as a FEEL expression that gives nothing against them (null, blank, or a failure, such as a variable
     * that is not set or a Java function the engine does not run) is the field's key, as the server-rendered
     * form shows it ({@link #fields(Map)}); form-js would show "{{⚠}}" or an empty label. Labels that give
     * a value stay expressions, which form-js evaluates as the person types. Null for {@link #NONE}.
     *
     * @param variables the form's data, as for {@link #fields(Map)}
     */
    public String schema(Map<String, Object> variables) {
        Map<String, String> keyed = FormCheck.display(components, variables).keyedLabels;
        if (schema == null || keyed.isEmpty()) {
            return schema;
        }
        try {
            JsonNode root = FormJson.read(schema);
            relabel(root.path("components"), keyed);
            return LABELS.writeValueAsString(root);
        } catch (IOException e) {
            return schema; // it parsed when the form was read; as given, should it not now
        }
    }

    private static void relabel(JsonNode components, Map<String, String> keyed) {
        for (JsonNode c : components) {
            String key = keyed.get(c.path("id").asText());
            if (key != null && c instanceof ObjectNode o) {
                o.put(o.hasNonNull("label") ? "label" : "dateLabel", key);
            }
            relabel(c.path("components"), keyed);
        }
    }

    /** Why the form cannot be used, or empty. */
    public List<String> problems() {
        return problems;
    }

    /** The inputs as they are first shown (no variables): labels and bounds as written. */
    public List<FormField> fields() {
        return fields(Map.of());
    }

    /**
     * The inputs to fill in, in order: those of groups with their paths, a dynamic list's rows as the
     * variables have them (else its default number of rows); labels, bounds and options evaluated
     * against the variables.
     */
    public List<FormField> fields(Map<String, Object> variables) {
        return FormCheck.display(components, variables).fields;
    }

    /** {@link #validate(Map, Map)} for a task without variables. */
    public Map<String, Object> validate(Map<String, ?> submitted) {
        return validate(submitted, Map.of());
    }

    /**
     * The values the process gets: only this form's inputs (nothing else reaches the process), each
     * converted to its type, nested as the form's paths say; hidden ones left out, read-only ones as
     * the variables have them. Throws {@link InvalidFormValues} naming every bad field by its path and
     * every key the form does not have (a misspelt answer is not dropped), or {@link
     * BadRequestException} when the form itself cannot be used.
     *
     * @param submitted the values by key: JSON from the API, text (and paths as names) from HTML
     * @param variables the task's variables: what conditions, expressions and {@code valuesKey} read
     */
    public Map<String, Object> validate(Map<String, ?> submitted, Map<String, Object> variables) {
        if (!problems.isEmpty()) {
            throw new BadRequestException("this step's form cannot be used: " + String.join("; ", problems));
        }
        FormCheck check = FormCheck.submission(components, submitted, variables);
        if (!check.errors.isEmpty()) {
            throw new InvalidFormValues(check.errors);
        }
        return check.output;
    }

    /**
     * Whether {@link #validate(Map, Map)} reads the variables at all: false for a form of plain inputs
     * (no FEEL expression, condition, options from a variable, read-only or disabled input), whose
     * check is the same with none. A caller can then leave out what the variables cost to build, such
     * as a feature's draft ({@code TaskFormDefaults}).
     */
    public boolean readsVariables() {
        return readsVariables;
    }

    /** The variables the form may read: those whose name appears anywhere in its schema. */
    public Map<String, Object> referenced(Map<String, Object> variables) {
        Map<String, Object> kept = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (names.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** The variables with the given data laid over them (maps merged key by key). */
    public static Map<String, Object> merge(Map<String, Object> variables, Map<String, Object> data) {
        return FormPaths.merge(variables, data);
    }

    /** The value at a field's key (a value path such as {@code items[0].name}) in form data, or null. */
    public static Object valueAt(Map<String, ?> data, String key) {
        List<Object> path = FormPaths.parse(key);
        return path == null ? data.get(key) : FormPaths.get(data, path);
    }

    /** HTML form fields (names are value paths; a name sent several times is a list) as form data. */
    public static Map<String, Object> fromHtml(Map<String, List<String>> params) {
        return FormPaths.nest(params);
    }
}
