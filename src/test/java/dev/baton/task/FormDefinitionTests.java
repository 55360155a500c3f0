package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample-review form, as deployed, read and used to check submissions. */
class FormDefinitionTests {

    static FormDefinition form;

    @BeforeAll
    static void readSampleForm() {
        form = new Forms(new ObjectMapper()).forKey("sample-review");
    }

    /**
     * A task's own form is read with the forms' nesting limit ({@link FormJson}), not the shared
     * ObjectMapper's, which may allow request bodies less: a form uploaded within the limit still opens.
     * One deployed past the upload's check says why it cannot be used.
     */
    @Test
    void aTasksFormIsReadWithTheFormsOwnNestingLimit() {
        ObjectMapper shallow = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(50)
                        .build())
                .build());
        Forms forms = new Forms(shallow);

        FormDefinition deep = forms.of(taskWithForm(groups(200)));
        assertThat(deep.problems()).isEmpty();
        assertThat(deep.fields()).extracting(FormField::key).containsExactly("why");
        assertThat(forms.of(taskWithForm(groups(900))).problems())
                .containsExactly("its form cannot be read: it is nested more than " + FormJson.MAX_NESTING
                        + " levels deep (each object and list is a level; a group takes two)");
    }

    /**
     * An answer is a request body, held to {@link dev.baton.shared.StrictJson#MAX_NESTING} levels: a
     * form whose answer would nest deeper (groups with paths, dynamic lists, a list of values) could never
     * be completed, so it is refused, naming the field. Groups without a path nest nothing.
     */
    @Test
    void aFormWhoseAnswerWouldNestDeeperThanABodyMayIsRefused() {
        // the answer (1) and 99 paths: the key's value sits in the 100th object; the 100th path's
        // object is the 101st, and that group is named
        assertThat(FormDefinition.problems(json(pathGroups(99, "textfield")))).isEmpty();
        assertThat(FormDefinition.problems(json(pathGroups(100, "textfield"))))
                .containsExactly("group '(no id)': its answer would be nested 101 levels deep (each group's or"
                        + " dynamic list's path adds levels), and Baton takes answers nested at most 100 levels"
                        + " deep. Flatten the form's groups");
        // a checklist's value is a list: one level more
        assertThat(FormDefinition.problems(json(pathGroups(99, "checklist"))))
                .singleElement()
                .asString()
                .startsWith("checklist 'why': its answer would be nested 101 levels deep");
        // a dynamic list adds its rows' list: 49 lists under the answer put the key's value at 99
        String lists = "{\"type\": \"textfield\", \"key\": \"why\", \"label\": \"Why\"}";
        for (int n = 0; n < 49; n++) {
            lists = "{\"type\": \"dynamiclist\", \"path\": \"l\", \"components\": [" + lists + "]}";
        }
        assertThat(FormDefinition.problems(json("{\"id\": \"l\", \"components\": [" + lists + "]}")))
                .isEmpty();
        lists = "{\"type\": \"dynamiclist\", \"path\": \"l\", \"components\": [" + lists + "]}";
        assertThat(FormDefinition.problems(json("{\"id\": \"l\", \"components\": [" + lists + "]}")))
                .singleElement()
                .asString()
                .startsWith("dynamiclist 'l': its answer would be nested 101 levels deep");
        // groups without a path add no level
        assertThat(FormDefinition.problems(json(groups(200)))).isEmpty();
    }

    private static String pathGroups(int depth, String type) {
        String inner = "{\"type\": \"" + type + "\", \"key\": \"why\", \"label\": \"Why\""
                + (type.equals("checklist") ? ", \"values\": [{\"label\": \"A\", \"value\": \"a\"}]" : "")
                + "}";
        for (int n = 0; n < depth; n++) {
            inner = "{\"type\": \"group\", \"label\": \"G\", \"path\": \"g\", \"components\": [" + inner + "]}";
        }
        return "{\"id\": \"deep\", \"components\": [" + inner + "]}";
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String schema) {
        try {
            return FormJson.read(schema);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String groups(int depth) {
        String inner = "{\"type\": \"textfield\", \"key\": \"why\", \"label\": \"Why\"}";
        for (int n = 0; n < depth; n++) {
            inner = "{\"type\": \"group\", \"label\": \"G\", \"components\": [" + inner + "]}";
        }
        return "{\"id\": \"deep\", \"components\": [" + inner + "]}";
    }

    private static Task taskWithForm(String schema) {
        TaskSpec spec = new TaskSpec(
                1,
                2,
                3,
                "p",
                1,
                "task_deep",
                "Deep",
                "dana",
                java.util.Set.of(),
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                java.util.Set.of(),
                null,
                null,
                schema,
                false);
        return new Task(
                spec,
                new TaskPeople.Resolved("dana", java.util.Set.of(), java.util.Set.of(), null),
                true,
                java.time.Instant.now());
    }

    @Test
    void readsTheInputsWithTheirTypesLabelsAndOptions() {
        assertThat(form.fields())
                .extracting(FormField::key, FormField::type, FormField::required)
                .containsExactly(
                        tuple("reviewSummary", FormField.Type.TEXTAREA, true),
                        tuple("healthScore", FormField.Type.NUMBER, true),
                        tuple("renewalRisk", FormField.Type.SELECT, true),
                        tuple("needsFollowUp", FormField.Type.CHECKBOX, false),
                        tuple("nextContactDate", FormField.Type.DATE, false),
                        tuple("contactPerson", FormField.Type.TEXT, false));
        assertThat(form.fields().get(2).options())
                .extracting(FormField.Option::value)
                .containsExactly("low", "medium", "high");
        assertThat(form.fields().get(4).label()).isEqualTo("Next contact on");
    }

    @Test
    void convertsHtmlTextToTypedValues() {
        Map<String, Object> values = form.validate(Map.of(
                "reviewSummary",
                "Happy customer",
                "healthScore",
                "7",
                "renewalRisk",
                "low",
                "needsFollowUp",
                "true",
                "nextContactDate",
                "2026-12-01"));

        assertThat(values)
                .containsExactly(
                        Map.entry("reviewSummary", "Happy customer"),
                        Map.entry("healthScore", 7L),
                        Map.entry("renewalRisk", "low"),
                        Map.entry("needsFollowUp", true),
                        Map.entry("nextContactDate", "2026-12-01"));
    }

    @Test
    void acceptsJsonTypesAndTreatsAMissingCheckboxAsUnchecked() {
        Map<String, Object> values =
                form.validate(Map.of("reviewSummary", "ok", "healthScore", 6.0, "renewalRisk", "high"));

        assertThat(values).containsEntry("healthScore", 6L).containsEntry("needsFollowUp", false);
    }

    /**
     * The session 44 probe completed the review with a health score of 5.5 and the timeline said "Health
     * score 5.5 of 10": the score is a whole number (the form's {@code decimalDigits: 0}).
     */
    @Test
    void refusesAFractionalHealthScore() {
        InvalidFormValues invalid = catchThrowableOfType(
                InvalidFormValues.class,
                () -> form.validate(Map.of("reviewSummary", "x", "healthScore", 5.5, "renewalRisk", "medium")));

        assertThat(invalid.getFieldErrors()).containsOnly(Map.entry("healthScore", "'5.5' is not a whole number"));
    }

    @Test
    void namesEveryBadField() {
        Map<String, Object> submitted = new HashMap<>();
        submitted.put("reviewSummary", "  ");
        submitted.put("healthScore", "seven");
        submitted.put("renewalRisk", "extreme");
        submitted.put("needsFollowUp", "maybe");
        submitted.put("nextContactDate", "01/12/2026");
        submitted.put("contactPerson", Map.of("name", "x"));

        InvalidFormValues invalid = catchThrowableOfType(InvalidFormValues.class, () -> form.validate(submitted));

        assertThat(invalid.getFieldErrors())
                .containsEntry("reviewSummary", "is required")
                .containsEntry("healthScore", "'seven' is not a whole number")
                .containsEntry("renewalRisk", "must be one of \"Low\", \"Medium\" or \"High\"")
                .containsEntry("needsFollowUp", "must be checked or not (true or false)")
                .containsEntry("nextContactDate", "must be a date like 2026-01-31")
                .containsEntry("contactPerson", "must be text")
                .hasSize(6);
    }

    @Test
    void aTaskWithoutAFormCompletesWithNoValues() {
        FormDefinition none = new Forms(new ObjectMapper()).forKey("no-such-form");
        assertThat(none.validate(Map.of())).isEmpty();
        assertThatThrownBy(() -> none.validate(Map.of("anything", 1)))
                .as("an answer it has no field for is refused, not dropped (FormKeysTests)")
                .isInstanceOf(InvalidFormValues.class);
        assertThat(new Forms(new ObjectMapper()).forKey("../secrets")).isSameAs(FormDefinition.NONE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "contactPerson | text over the default cap of a text field without maxLength",
                "contactPerson | a bidi override",
                "nextContactDate | 0000-01-01",
                "nextContactDate | +99999-12-31",
                "nextContactDate | -999999999-01-01"
            })
    void refusesValuesNoProcessCanHoldNamingTheField(String field, String value) {
        Map<String, Object> submitted =
                new HashMap<>(Map.of("reviewSummary", "ok", "healthScore", 5, "renewalRisk", "low"));
        submitted.put(
                field,
                value.startsWith("text over")
                        ? "x".repeat(FormField.DEFAULT_MAX_TEXTAREA + 1)
                        : value.equals("a bidi override") ? "Ann\u202Egnp" : value);

        assertThatThrownBy(() -> form.validate(submitted))
                .isInstanceOfSatisfying(
                        InvalidFormValues.class,
                        e -> assertThat(e.getFieldErrors()).containsOnlyKeys(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890", "1e30", "-1e30"})
    void refusesNumbersBeyondALongAsABadValueNotAnError(String number) {
        assertThatThrownBy(
                        () -> form.validate(Map.of("reviewSummary", "ok", "healthScore", number, "renewalRisk", "low")))
                .isInstanceOfSatisfying(
                        InvalidFormValues.class,
                        e -> assertThat(e.getFieldErrors()).containsOnlyKeys("healthScore"));
        assertThatThrownBy(() -> form.validate(Map.of(
                        "reviewSummary", "ok", "healthScore", new java.math.BigDecimal(number), "renewalRisk", "low")))
                .isInstanceOf(InvalidFormValues.class);
    }

    /**
     * A form of plain inputs checks an answer the same with or without the task's variables, so the
     * completion leaves out a feature's draft (the handover note's, built from the account's record);
     * any part that reads the variables must say so, or its check would silently run without them.
     */
    @Test
    void aFormOfPlainInputsChecksTheSameWithoutVariables() throws Exception {
        FormDefinition note = new Forms(new ObjectMapper()).forKey("handover-note");
        Map<String, Object> answer =
                Map.of("relationshipSummary", "Long-standing", "keyContacts", "Ann", "openCommitmentsAndRisks", "none");
        Map<String, Object> draft = Map.of("keyContacts", "Bob (draft)", "historyHighlights", "a call");

        assertThat(note.readsVariables()).isFalse();
        assertThat(note.validate(answer, draft)).isEqualTo(note.validate(answer, Map.of()));
        assertThat(form.readsVariables())
                .as("the sample review: static options and bounds")
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"textfield\",\"key\":\"a\",\"label\":\"=x\"}",
                "{\"type\":\"textfield\",\"key\":\"a\",\"readonly\":true}",
                "{\"type\":\"textfield\",\"key\":\"a\",\"readonly\":\"=x\"}",
                "{\"type\":\"textfield\",\"key\":\"a\",\"disabled\":true}",
                "{\"type\":\"textfield\",\"key\":\"a\",\"conditional\":{\"hide\":\"=x\"}}",
                "{\"type\":\"select\",\"key\":\"a\",\"valuesKey\":\"options\"}",
                "{\"type\":\"select\",\"key\":\"a\",\"valuesExpression\":\"=options\"}",
                "{\"type\":\"number\",\"key\":\"a\",\"validate\":{\"max\":\"=x\"}}",
                "{\"type\":\"textfield\",\"key\":\"a\",\"validate\":{\"minLength\":\"=x\"}}",
                "{\"type\":\"expression\",\"key\":\"a\",\"expression\":\"=x\"}",
                "{\"type\":\"group\",\"components\":[{\"type\":\"textfield\",\"key\":\"a\",\"disabled\":true}]}",
                "{\"type\":\"dynamiclist\",\"path\":\"rows\",\"components\":"
                        + "[{\"type\":\"textfield\",\"key\":\"a\",\"label\":\"=x\"}]}"
            })
    void aFormWhoseCheckReadsVariablesSaysSo(String component) throws Exception {
        ObjectMapper json = new ObjectMapper();
        FormDefinition plain = FormDefinition.parse(
                json.readTree("{\"components\":[{\"type\":\"textfield\",\"key\":\"b\",\"label\":\"B\"}]}"));
        FormDefinition reading = FormDefinition.parse(json.readTree(
                "{\"components\":[{\"type\":\"textfield\"," + "\"key\":\"b\",\"label\":\"B\"}," + component + "]}"));

        assertThat(plain.readsVariables()).isFalse();
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.readsVariables()).isTrue();
    }
}
