package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * A Modeler-made form using the Camunda Forms features form-js has (groups, dynamic lists,
 * checklists, tag lists, conditions, read-only fields, FEEL in labels and bounds, options from
 * variables, date/time subtypes, validation types), checked on the server as form-js checks it.
 */
class CamundaFormFeaturesTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static FormDefinition form;

    static final Map<String, Object> VARIABLES = RenewalReviewForm.VARIABLES;

    @BeforeAll
    static void readForm() throws Exception {
        try (InputStream in = new ClassPathResource("playbooks/forms/renewal-review.form").getInputStream()) {
            form = FormDefinition.parse(JSON.readTree(in));
        }
    }

    static Map<String, Object> submission() {
        return RenewalReviewForm.answer();
    }

    static Map<String, String> errors(Map<String, Object> changes) {
        Map<String, Object> submitted = submission();
        submitted.putAll(changes);
        return catchThrowableOfType(InvalidFormValues.class, () -> form.validate(submitted, VARIABLES))
                .getFieldErrors();
    }

    @Test
    void theFormHasNoProblems() {
        assertThat(form.problems()).isEmpty();
    }

    @Test
    void batonsOwnFormsHaveNoProblems() throws Exception {
        org.springframework.core.io.Resource[] files =
                new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                        .getResources("classpath:bpmn/forms/*.form");
        assertThat(files).hasSizeGreaterThan(10);
        for (org.springframework.core.io.Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                assertThat(FormDefinition.problems(JSON.readTree(in)))
                        .as(file.getFilename())
                        .isEmpty();
            }
        }
    }

    @Test
    void acceptsWhatFormJsSubmitsAndNestsGroupsAndRowsAsTheirPathsSay() {
        Map<String, Object> values = form.validate(submission(), VARIABLES);

        assertThat(values)
                .containsEntry("accountName", "Acme")
                .containsEntry("internalCode", "X-1")
                .containsEntry("discount", 12.5)
                .containsEntry("contact", Map.of("email", "cfo@acme.example", "phone", "+4930664040900"))
                .containsEntry(
                        "lineItems", List.of(Map.of("product", "seats", "quantity", 10L), Map.of("product", "support")))
                .containsEntry("channels", List.of("email", "visit"))
                .containsEntry("addOns", List.of("training"))
                .containsEntry("region", "EMEA")
                .containsEntry("renewalDate", "2027-01-31")
                .containsEntry("callTime", "09:30+01:00")
                .containsEntry("meetingAt", "2027-01-15T10:00")
                .doesNotContainKey("escalationNote");
    }

    @Test
    void aHiddenFieldIsNotRequiredAndItsValueIsDroppedAVisibleOneIs() {
        Map<String, Object> hidden = submission();
        hidden.put("escalationNote", "sent anyway");
        assertThat(form.validate(hidden, VARIABLES)).doesNotContainKey("escalationNote");

        assertThat(errors(Map.of("escalate", true))).containsOnlyKeys("escalationNote");
        Map<String, Object> shown = submission();
        shown.putAll(Map.of("escalate", "true", "escalationNote", "CFO unhappy")); // as HTML sends it
        assertThat(form.validate(shown, VARIABLES)).containsEntry("escalationNote", "CFO unhappy");
    }

    /**
     * Found by a probe: a client read escalationNote as required although the server requires it only
     * while shown; each field lists the conditions that hide it, its groups' and list's first.
     */
    @Test
    void eachFieldListsTheConditionsThatHideItAroundItOutermostFirst() throws Exception {
        assertThat(form.fields(VARIABLES))
                .filteredOn(f -> List.of("escalationNote", "lineItems[0].quantity", "reason")
                        .contains(f.key()))
                .extracting(FormField::key, FormField::required, FormField::hiddenWhen)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reason", false, List.of()),
                        org.assertj.core.groups.Tuple.tuple("escalationNote", true, List.of("=escalate != true")),
                        org.assertj.core.groups.Tuple.tuple(
                                "lineItems[0].quantity", false, List.of("=this.product = \"support\"")));

        FormDefinition nested = FormDefinition.parse(JSON.readTree("""
                { "id": "f", "components": [
                  { "type": "group", "path": "deal", "id": "G1", "conditional": { "hide": "=not(open)" },
                    "components": [
                      { "type": "dynamiclist", "path": "items", "id": "L1", "defaultRepetitions": 1,
                        "conditional": { "hide": "=count(parent.items) = 0" },
                        "components": [
                          { "type": "number", "key": "size", "id": "F1", "validate": { "required": true },
                            "conditional": { "hide": "=this.kind = \\"none\\"" } } ] } ] } ] }
                """));

        assertThat(nested.fields())
                .singleElement()
                .satisfies(f -> assertThat(f.key()).isEqualTo("deal.items[0].size"))
                .satisfies(f -> assertThat(f.required()).isTrue())
                .satisfies(f -> assertThat(f.hiddenWhen())
                        .containsExactly("=not(open)", "=count(parent.items) = 0", "=this.kind = \"none\""));
    }

    @Test
    void inputsInGroupsAndRowsAreRefusedAtTheirPaths() {
        Map<String, String> errors = errors(Map.of(
                "contact", Map.of("email", "not-an-address", "phone", "12345"),
                "lineItems", List.of(Map.of("quantity", 2), Map.of("product", "seats", "quantity", 0))));

        assertThat(errors)
                .containsEntry("contact.email", "must be an e-mail address")
                .containsEntry("contact.phone", "must be an international phone number, like +4930664040900")
                .containsEntry("lineItems[0].product", "is required")
                .containsEntry("lineItems[1].quantity", "must be at least 1")
                .hasSize(4);
    }

    @Test
    void aConditionInARowSeesThatRow() {
        Map<String, Object> submitted = submission();
        submitted.put("lineItems", List.of(Map.of("product", "support", "quantity", 0)));

        assertThat(form.validate(submitted, VARIABLES))
                .containsEntry("lineItems", List.of(Map.of("product", "support")));
    }

    @Test
    void checklistsAndTagListsTakeListsOfTheirOptionsValues() {
        assertThat(errors(Map.of("channels", List.of()))).containsEntry("channels", "is required");
        assertThat(errors(Map.of("channels", List.of("email", "fax"))))
                .containsEntry("channels", "must be some of \"E-mail\", \"Phone\" and \"Visit\"");
        assertThat(errors(Map.of("addOns", List.of("gold"))))
                .containsEntry("addOns", "must be some of \"Training\" and \"Premium\"");
    }

    @Test
    void optionsFromAVariableAndFromAnExpressionAreTheOnlyValuesAccepted() {
        assertThat(errors(Map.of("region", "LATAM"))).containsEntry("region", "must be one of \"EMEA\" or \"APAC\"");
        Map<String, Object> apac = submission();
        apac.put("region", "APAC");
        apac.put("addOns", List.of("premium", "training"));
        assertThat(form.validate(apac, VARIABLES))
                .containsEntry("region", "APAC")
                .containsEntry("addOns", List.of("premium", "training"));
    }

    @Test
    void boundsWrittenAsFeelExpressionsAreEvaluatedAgainstTheVariables() {
        assertThat(errors(Map.of("discount", 25, "reason", "ok")))
                .containsEntry("discount", "must be at most 20")
                .containsEntry("reason", "must be at least 5 characters");
        assertThat(errors(Map.of("discount", 2.25))).containsEntry("discount", "must have at most 1 decimal digits");
    }

    @Test
    void readOnlyAndDisabledFieldsCannotBeChangedAndKeepTheVariablesValue() {
        assertThat(errors(Map.of("accountName", "Evil Corp", "internalCode", "Y-2")))
                .containsEntry("accountName", "cannot be changed here: it is read-only")
                .containsEntry("internalCode", "cannot be changed here: it is read-only");
    }

    @Test
    void dateTimeSubtypesTakeWhatFormJsSubmits() {
        Map<String, Object> utc = submission();
        utc.putAll(Map.of("callTime", "08:30Z", "meetingAt", "2027-01-15T09:00Z"));
        assertThat(form.validate(utc, VARIABLES))
                .containsEntry("callTime", "08:30Z")
                .containsEntry("meetingAt", "2027-01-15T09:00Z");
        assertThat(errors(Map.of(
                        "callTime", "25:00", "meetingAt", "15.01.2027 10:00", "renewalDate", "2027-01-31T10:00")))
                .containsEntry("callTime", "must be a time like 09:30 (or 09:30+01:00)")
                .containsEntry("meetingAt", "must be a date and time like 2026-01-31T09:00 (or 2026-01-31T09:00Z)")
                .containsEntry("renewalDate", "must be a date like 2026-01-31");
    }

    @Test
    void labelsAreEvaluatedAndRowsListedForTheServerRenderedForm() {
        Map<String, Object> variables = new HashMap<>(VARIABLES);
        variables.put("lineItems", List.of(Map.of("product", "a"), Map.of("product", "b")));

        List<FormField> fields = form.fields(variables);

        assertThat(fields)
                .extracting(FormField::key)
                .contains("accountName", "contact.email", "lineItems[0].product", "lineItems[1].quantity", "channels");
        assertThat(fields.getFirst().label()).isEqualTo("Account Acme");
        assertThat(fields.getFirst().readonly()).isTrue();
    }

    /**
     * Session 40's probe: a label whose FEEL calls a Java function (the engine runs none) showed "{{⚠}}" in
     * form-js and the key in the server-rendered form. Both show the key now: form-js gets that label as the
     * key; a label whose FEEL gives a value stays an expression for form-js to evaluate as the person types.
     */
    @Test
    void aLabelWhoseFeelGivesNothingIsTheKeyInTheServerFormAndInFormJsAlike() throws Exception {
        FormDefinition probe = FormDefinition.parse(JSON.readTree("""
                {"id": "feel-notes", "components": [
                  {"id": "F1", "type": "textarea", "key": "notes",
                   "label": "=string({f: function(x) external { java: { class: \\"java.lang.System\\", method signature: \\"getProperty(java.lang.String)\\" } }, r: f(\\"user.home\\")}.r)"},
                  {"id": "F2", "type": "group", "path": "contact", "components": [
                    {"id": "F3", "type": "textfield", "key": "email", "label": "=missing.label"}]},
                  {"id": "F4", "type": "textfield", "key": "name", "label": "=\\"Name at \\" + accountName"},
                  {"id": "F5", "type": "textfield", "key": "plain", "label": "Plain"}]}
                """));
        Map<String, Object> variables = Map.of("accountName", "Acme");

        List<FormField> fields = probe.fields(variables);
        JsonNode schema = JSON.readTree(probe.schema(variables)).path("components");

        assertThat(fields)
                .extracting(FormField::key, FormField::label)
                .containsExactly(
                        tuple("notes", "notes"),
                        tuple("contact.email", "contact.email"),
                        tuple("name", "Name at Acme"),
                        tuple("plain", "Plain"));
        assertThat(schema.get(0).path("label").asText()).isEqualTo("notes");
        assertThat(schema.get(1).path("components").get(0).path("label").asText())
                .isEqualTo("contact.email");
        assertThat(schema.get(2).path("label").asText()).isEqualTo("=\"Name at \" + accountName");
        assertThat(schema.get(3).path("label").asText()).isEqualTo("Plain");
    }

    @Test
    void anHtmlSubmissionWithPathsAsNamesIsReadAsNestedData() {
        Map<String, Object> data = FormDefinition.fromHtml(Map.of(
                "contact.email", List.of("a@b.example"),
                "lineItems[1].product", List.of("seats"),
                "lineItems[0].product", List.of("support"),
                "channels", List.of("email", "phone"),
                "_csrf", List.of("token")));

        assertThat(data)
                .containsEntry("contact", Map.of("email", "a@b.example"))
                .containsEntry("channels", List.of("email", "phone"))
                .containsEntry("_csrf", "token");
        assertThat(FormDefinition.valueAt(data, "lineItems[1].product")).isEqualTo("seats");
        assertThat(FormDefinition.valueAt(data, "lineItems[0].product")).isEqualTo("support");
    }

    @Test
    void aFormBatonCannotHandleIsDescribedComponentByComponent() throws Exception {
        List<String> problems = FormDefinition.problems(JSON.readTree("""
            { "id": "bad", "components": [
              { "type": "filepicker", "key": "contract", "id": "F1" },
              { "type": "signature", "key": "sig", "id": "F2" },
              { "type": "number", "key": "n", "id": "F3", "validate": { "max": "=limit +" } },
              { "type": "textfield", "id": "F4", "label": "no key" },
              { "type": "select", "key": "s", "id": "F5" },
              { "type": "textfield", "key": "t", "id": "F6", "conditional": { "hide": "=a ==" } } ] }
            """));

        assertThat(problems).hasSize(6);
        assertThat(problems.get(0)).startsWith("filepicker 'contract': file uploads are not supported");
        assertThat(problems.get(1)).startsWith("signature 'sig': Baton does not know the component type 'signature'");
        assertThat(problems.get(2)).startsWith("number 'n': '=limit +' is not a FEEL expression");
        assertThat(problems.get(3)).startsWith("textfield 'F4': it has no key");
        assertThat(problems.get(4)).startsWith("select 's': it has no options");
        assertThat(problems.get(5)).startsWith("textfield 't': '=a ==' is not a FEEL expression");
    }

    /**
     * Found by a probe: a field keyed launchedBy let whoever answered the step name who "launched" the
     * playbook, and a block then acted with that person's rights. Such a form cannot be used, whatever
     * nests the field (a group's or list's path, a key with a path), so no answer can write it.
     */
    @Test
    void aFormWritingAVariableOnlyBatonSetsCannotBeUsedAndNoAnswerReachesTheProcess() throws Exception {
        FormDefinition reserved = FormDefinition.parse(JSON.readTree("""
            { "id": "pick", "components": [
              { "type": "textfield", "key": "launchedBy", "id": "F1" },
              { "type": "textfield", "key": "note", "id": "F2" },
              { "type": "group", "id": "G1", "components": [
                { "type": "textfield", "key": "accountOwner.name", "id": "F3" } ] },
              { "type": "dynamiclist", "path": "ownerManager", "id": "L1", "components": [
                { "type": "textfield", "key": "name", "id": "F4" } ] },
              { "type": "group", "path": "details", "id": "G2", "components": [
                { "type": "textfield", "key": "launchedBy", "id": "F5" } ] } ] }
            """));

        assertThat(reserved.problems())
                .containsExactly(
                        "textfield 'launchedBy': launchedBy is set by Baton when the playbook is launched; a playbook"
                                + " cannot set it. Give the field another key",
                        "textfield 'accountOwner.name': accountOwner is set by Baton when the playbook is launched"
                                + " (from the account; baton.reassign-owner updates it); a playbook cannot set it."
                                + " Give the field another key",
                        "dynamiclist 'ownerManager': ownerManager is set by Baton when the playbook is launched"
                                + " (from the account; baton.reassign-owner updates it); a playbook cannot set it."
                                + " Give the field another key");
        assertThat(catchThrowableOfType(
                        dev.baton.shared.BadRequestException.class,
                        () -> reserved.validate(Map.of("launchedBy", "ada", "note", "hi"), Map.of())))
                .hasMessageContaining("this step's form cannot be used")
                .hasMessageContaining("launchedBy is set by Baton");
    }
}
