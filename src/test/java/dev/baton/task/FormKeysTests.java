package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
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

    /** An HTML form's post, its names in the order given, as the task page reads it. */
    private static Map<String, Object> page(String... nameValue) {
        Map<String, List<String>> post = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            post.put(nameValue[i], List.of(nameValue[i + 1]));
        }
        return FormDefinition.fromHtml(post);
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

    /**
     * Found by a probe: a page post naming a field both as a value and as a path ({@code note=a&note.x.y=1})
     * answered 500 (a ClassCastException while nesting), and {@code note=a&note.x=1} completed the task
     * with {@code note.x} dropped. The name below the value is a key the form does not have.
     */
    @Test
    void aPageNameBelowAFieldsValueIsRefusedAsAKeyTheFormDoesNotHaveInEitherOrder() throws Exception {
        assertThat(errors(page("note", "a", "note.x.y", "1"))).containsOnlyKeys("note.x.y");
        for (Map<String, Object> sent : List.of(page("note", "a", "note.x", "1"), page("note.x", "1", "note", "a"))) {
            assertThat(errors(sent))
                    .as("%s", sent)
                    .containsOnlyKeys("note.x")
                    .containsEntry(
                            "note.x",
                            "is not a field of this form (its fields here: confirmed, note, loose, contact, items)");
        }
        assertThat(errors(page("zzz", "a", "zzz.a.b", "1"))).containsOnlyKeys("zzz", "zzz.a.b");
    }

    @Test
    void aPageNameUsingAListAsAGroupOrAGroupAsAListIsRefusedNotDropped() throws Exception {
        Map<String, Object> sent = page(
                "items[0].product",
                "X",
                "items.product",
                "Y",
                "contact.email",
                "a@b.example",
                "contact[0].email",
                "c@d");

        assertThat(errors(sent)).containsOnlyKeys("items.product", "contact[0].email");
    }

    /** The API's equivalent of {@code note=a&note.x=1}: a field's value that is a group of values (held already). */
    @Test
    void anApiAnswerGivingAFieldAGroupOfValuesIsRefusedAtTheField() throws Exception {
        assertThat(errors(Map.of("note", Map.of("x", 1)))).containsOnlyKeys("note");
        assertThat(errors(Map.of("confirmed", Map.of("x", true)))).containsOnlyKeys("confirmed");
        FormDefinition scored = FormValidationTests.form();
        assertThat(catchThrowableOfType(
                                InvalidFormValues.class,
                                () -> scored.validate(Map.of("code", "ABC", "score", Map.of("x", 1))))
                        .getFieldErrors())
                .containsOnlyKeys("score");
        assertThat(errors(Map.of("contact", Map.of("email", Map.of("x", "a@b.example")))))
                .containsOnlyKeys("contact.email");
    }
}
