package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks Camunda Forms puts under "validate": lengths, number range, pattern. */
class FormValidationTests {

    static final String FORM = """
      { "id": "checks", "components": [
        { "type": "textfield", "key": "code", "label": "Code",
          "validate": { "minLength": 3, "maxLength": 5, "pattern": "[A-Z]+" } },
        { "type": "number", "key": "score", "label": "Score", "validate": { "min": 0, "max": 10.5 } },
        { "type": "text", "key": "heading", "text": "layout only" } ] }
      """;

    static FormDefinition form() throws Exception {
        return FormDefinition.parse(new ObjectMapper().readTree(FORM));
    }

    @Test
    void readsTheChecksOfEachInputAndSkipsLayoutComponents() throws Exception {
        FormDefinition form = form();

        assertThat(form.fields()).extracting(FormField::key).containsExactly("code", "score");
        assertThat(form.fields().get(0))
                .extracting(FormField::minLength, FormField::maxLength, FormField::pattern)
                .containsExactly(3, 5, "[A-Z]+");
        assertThat(form.fields().get(1))
                .extracting(FormField::min, FormField::max)
                .containsExactly(BigDecimal.ZERO, new BigDecimal("10.5"));
    }

    /**
     * Found by the session 38 review: a text field without its own maxLength said null in the task's form
     * description, though the server refuses more than its default: it says the limit the server applies.
     */
    @Test
    void aTextFieldWithoutItsOwnMaxLengthSaysTheLimitTheServerApplies() throws Exception {
        FormDefinition form = FormDefinition.parse(new ObjectMapper().readTree("""
          { "id": "limits", "components": [
            { "type": "textfield", "key": "name", "label": "Name" },
            { "type": "textarea", "key": "note", "label": "Note" },
            { "type": "number", "key": "count", "label": "Count" } ] }
          """));

        assertThat(form.fields())
                .extracting(FormField::key, FormField::maxLength)
                .containsExactly(
                        tuple("name", FormField.DEFAULT_MAX_TEXT),
                        tuple("note", FormField.DEFAULT_MAX_TEXTAREA),
                        tuple("count", null));
        assertThat(form.fields().get(0).violation("x".repeat(1_001))).isEqualTo("must be at most 1,000 characters");
        assertThat(form.fields().get(0).violation("x".repeat(1_000))).isNull();
    }

    @Test
    void namesTheBrokenCheckOfEachField() throws Exception {
        assertThat(errors(Map.of("code", "AB", "score", "-1")))
                .containsEntry("code", "must be at least 3 characters")
                .containsEntry("score", "must be at least 0");
        assertThat(errors(Map.of("code", "ABCDEF", "score", 11)))
                .containsEntry("code", "must be at most 5 characters")
                .containsEntry("score", "must be at most 10.5");
        assertThat(errors(Map.of("code", "abc"))).containsEntry("code", "must match the pattern [A-Z]+");
    }

    /** Probe 46: a max of 1e300 was quoted as a 301-digit integer; a bound is said as the form states it. */
    @Test
    void aHugeOrTinyBoundIsSaidWithItsExponent() throws Exception {
        FormDefinition form = FormDefinition.parse(new ObjectMapper().readTree("""
          { "id": "huge", "components": [
            { "type": "number", "key": "amount", "label": "Amount", "validate": { "min": -1e300, "max": 1e300 } },
            { "type": "number", "key": "rate", "label": "Rate", "validate": { "min": 1e-7, "max": 100000 } },
            { "type": "number", "key": "tiny", "label": "Tiny", "validate": { "max": 1e-30 } } ] }
          """));

        assertThat(form.fields().get(0).violation(1e301)).isEqualTo("must be at most 1.0E300");
        assertThat(form.fields().get(0).violation(-1e301)).isEqualTo("must be at least -1.0E300");
        assertThat(form.fields().get(1).violation(1e-8)).isEqualTo("must be at least 0.0000001");
        assertThat(form.fields().get(1).violation(100001)).isEqualTo("must be at most 100000");
        assertThat(form.fields().get(2).violation(1)).isEqualTo("must be at most 1.0E-30");
    }

    @Test
    void acceptsValuesAtTheLimits() throws Exception {
        assertThat(form().validate(Map.of("code", "ABC", "score", "10.5")))
                .containsEntry("code", "ABC")
                .containsEntry("score", 10.5);
        assertThat(form().validate(Map.of("code", "ABCDE", "score", 0))).containsEntry("score", 0L);
    }

    /**
     * JSON's 1e400 arrives as Infinity: found by a probe, it was "'Infinity' is not a number". Now it is out
     * of range, in the field's own bound where it has one on that side, else Baton's.
     */
    @Test
    void aNumberBeyondADoubleIsOutOfRangeInTheFieldsOwnWords() throws Exception {
        assertThat(errors(Map.of("code", "ABC", "score", Double.POSITIVE_INFINITY)))
                .containsEntry("score", "must be at most 10.5");
        assertThat(errors(Map.of("code", "ABC", "score", Double.NEGATIVE_INFINITY)))
                .containsEntry("score", "must be at least 0");
        assertThat(errors(Map.of("code", "ABC", "score", new BigDecimal("1e30"))))
                .containsEntry("score", "must be at most 10.5");
        FormDefinition unbounded = FormDefinition.parse(new ObjectMapper().readTree("""
            { "id": "n", "components": [ { "type": "number", "key": "n", "label": "N" } ] }
            """));
        assertThat(catchThrowableOfType(
                                InvalidFormValues.class,
                                () -> unbounded.validate(Map.of("n", Double.POSITIVE_INFINITY)))
                        .getFieldErrors())
                .containsEntry("n", "must be between -9223372036854775807 and 9223372036854775807");
    }

    /** As people and PostgreSQL count them: an emoji is one character (two UTF-16 units). */
    @Test
    void countsLengthsInCharactersNotUtf16Units() throws Exception {
        FormDefinition form = FormDefinition.parse(new ObjectMapper().readTree("""
            { "id": "why", "components": [
              { "type": "textarea", "key": "why", "label": "Why", "validate": { "minLength": 3, "maxLength": 2000 } } ] }
            """));
        String emoji = "\uD83D\uDE00";

        assertThat(form.validate(Map.of("why", emoji.repeat(1500)))).containsEntry("why", emoji.repeat(1500));
        assertThat(catchThrowableOfType(InvalidFormValues.class, () -> form.validate(Map.of("why", emoji.repeat(2001))))
                        .getFieldErrors())
                .as("with the thousands separator, as Baton's other limits (SizeInCharacters)")
                .containsEntry("why", "must be at most 2,000 characters");
        assertThat(catchThrowableOfType(InvalidFormValues.class, () -> form.validate(Map.of("why", emoji.repeat(2))))
                        .getFieldErrors())
                .as("two emoji are two characters, not four")
                .containsEntry("why", "must be at least 3 characters");
    }

    private static Map<String, String> errors(Map<String, ?> submitted) throws Exception {
        FormDefinition form = form();
        return catchThrowableOfType(InvalidFormValues.class, () -> form.validate(submitted))
                .getFieldErrors();
    }
}
