package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An answer with a key its form does not have is refused naming the key, not completed without it. */
class FormKeysTests {

    static final String FORM = """
      { "id": "keys", "components": [
        { "type": "checkbox", "key": "confirmed", "label": "Confirmed" },
        { "type": "textfield", "key": "note", "label": "Note",
          "conditional": { "hide": "=confirmed = true" } },
        { "type": "group", "label": "Untitled", "components": [
          { "type": "textfield", "key": "loose", "label": "In a group without a path" } ] },
        { "type": "group", "path": "contact", "label": "Contact", "components": [
          { "type": "textfield", "key": "email", "label": "E-mail" } ] },
        { "type": "dynamiclist", "path": "items", "label": "Items", "components": [
          { "type": "textfield", "key": "product", "label": "Product" } ] },
        { "type": "text", "text": "layout only" } ] }
      """;

    private static Map<String, String> errors(Map<String, ?> answer) throws Exception {
        FormDefinition form = FormDefinition.parse(new ObjectMapper().readTree(FORM));
        InvalidFormValues refused = catchThrowableOfType(InvalidFormValues.class, () -> form.validate(answer));
        return refused == null ? Map.of() : refused.getFieldErrors();
    }

    @Test
    void refusesATopLevelKeyTheFormDoesNotHaveNamingTheOnesItHas() throws Exception {
        assertThat(errors(Map.of("confirmed", true, "extra", 1)))
                .containsOnlyKeys("extra")
                .containsEntry(
                        "extra",
                        "is not a field of this form (its fields here: confirmed, note, loose, contact, items)");
    }

    @Test
    void refusesUnknownKeysInsideAGroupAndAListRowAtTheirPaths() throws Exception {
        assertThat(errors(Map.of(
                        "contact", Map.of("emial", "a@b.example"),
                        "items", List.of(Map.of("product", "X"), Map.of("prize", 3)))))
                .containsOnlyKeys("contact.emial", "items[1].prize")
                .containsEntry("contact.emial", "is not a field of this form (its fields here: email)");
    }

    @Test
    void takesEveryKeyOfTheFormAlsoAHiddenOnesAndThoseOfAGroupWithoutAPath() throws Exception {
        assertThat(errors(Map.of(
                        "confirmed",
                        true,
                        "note",
                        "hidden now, sent anyway",
                        "loose",
                        "x",
                        "contact",
                        Map.of("email", "a@b.example"),
                        "items",
                        List.of(Map.of("product", "X")))))
                .isEmpty();
    }

    @Test
    void aStepWithoutAFormTakesNoKeys() {
        InvalidFormValues refused = catchThrowableOfType(
                InvalidFormValues.class, () -> FormDefinition.NONE.validate(Map.of("answer", "x")));

        assertThat(refused.getFieldErrors()).containsEntry("answer", "is not a field of this form: it has none here");
    }
}
