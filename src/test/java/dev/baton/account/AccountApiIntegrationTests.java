package dev.baton.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.audit.AuditEvents;
import dev.baton.people.People;
import dev.baton.shared.Dates;
import dev.baton.support.SignedIn;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountApiIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    People people;

    @Autowired
    Interactions interactions;

    @Autowired
    AuditEvents audit;

    @Autowired
    JdbcTemplate jdbc;

    TestRestTemplate as(String username) {
        return http.withBasicAuth(username, "demo");
    }

    long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }

    long newAccount(String name, String owner) {
        Map account = as("maria")
                .postForObject(
                        "/api/accounts",
                        Map.of("name", name, "ownerId", id(owner), "territory", "Benelux", "segment", "Mid-market"),
                        Map.class);
        return ((Number) account.get("id")).longValue();
    }

    long newContact(long accountId, String name, boolean primary) {
        Map contact = as("rob")
                .postForObject(
                        "/api/accounts/" + accountId + "/contacts",
                        Map.of("fullName", name, "email", "c@example.com", "primary", primary),
                        Map.class);
        return ((Number) contact.get("id")).longValue();
    }

    @Test
    void searchesAccountsByNameSubstringAndOwnerInPages() {
        newAccount("Zylophant Industries", "rob");
        newAccount("zylophant Logistics", "rita");
        newAccount("Other Corp", "rob");

        Map byName = as("ravi").getForObject("/api/accounts?q=YLOPHANT&size=1", Map.class);
        Map byNameAndOwner = as("ravi").getForObject("/api/accounts?q=zylophant&owner=" + id("rita"), Map.class);

        assertThat(byName)
                .containsEntry("totalElements", 2)
                .containsEntry("totalPages", 2)
                .containsEntry("size", 1);
        assertThat((List<Map<String, Object>>) byNameAndOwner.get("content"))
                .singleElement()
                .satisfies(a -> assertThat(a)
                        .containsEntry("name", "zylophant Logistics")
                        .containsEntry("ownerUsername", "rita"));
    }

    @Test
    void onlyAdminsManagersAndTheOwnerEditAnAccount() {
        long accountId = newAccount("Edit Me Ltd", "rob");
        Map<String, Object> details =
                new java.util.HashMap<>(Map.of("name", "Edited Ltd", "territory", "Nordics", "version", 0));
        details.put("segment", null);
        details.put("renewalDate", null);

        ResponseEntity<Map> repCreates = as("rob").postForEntity("/api/accounts", Map.of("name", "Mine"), Map.class);
        ResponseEntity<Map> otherRepEdits =
                as("rita").exchange("/api/accounts/" + accountId, HttpMethod.PUT, new HttpEntity<>(details), Map.class);
        ResponseEntity<Map> ownerEdits =
                as("rob").exchange("/api/accounts/" + accountId, HttpMethod.PUT, new HttpEntity<>(details), Map.class);

        assertThat(repCreates.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherRepEdits.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ownerEdits.getBody()).containsEntry("name", "Edited Ltd").containsEntry("territory", "Nordics");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("account", accountId))
                .extracting(e -> e.getAction())
                .containsExactly("account.created", "account.updated");
    }

    @Test
    void anEditThatChangesNothingIsNeitherAuditedNorANewVersion() {
        long accountId = newAccount("Unchanged Ltd", "rob");
        Map<String, Object> same = new java.util.HashMap<>(
                Map.of("name", "Unchanged Ltd", "territory", "Benelux", "segment", "Mid-market", "version", 0));
        same.put("renewalDate", null);
        Timestamp updatedAt = updatedAt(accountId);

        ResponseEntity<Map> edited =
                as("rob").exchange("/api/accounts/" + accountId, HttpMethod.PUT, new HttpEntity<>(same), Map.class);
        ResponseEntity<Map> again =
                as("rob").exchange("/api/accounts/" + accountId, HttpMethod.PUT, new HttpEntity<>(same), Map.class);

        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("version", 0).containsEntry("name", "Unchanged Ltd");
        assertThat(updatedAt(accountId)).isEqualTo(updatedAt);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("account", accountId))
                .extracting(e -> e.getAction())
                .containsExactly("account.created");
    }

    @Test
    void aContactEditThatChangesNothingIsNeitherAuditedNorANewVersion() {
        long accountId = newAccount("Contact Unchanged Ltd", "rob");
        long contactId = newContact(accountId, "Carla Same", true);
        Map<String, Object> same = new java.util.HashMap<>(
                Map.of("fullName", "Carla Same", "email", "c@example.com", "primary", true, "version", 0));
        same.put("title", null);
        same.put("phone", null);
        same.put("preferences", null);

        ResponseEntity<Map> edited =
                as("rob").exchange("/api/contacts/" + contactId, HttpMethod.PUT, new HttpEntity<>(same), Map.class);
        ResponseEntity<Map> again =
                as("rob").exchange("/api/contacts/" + contactId, HttpMethod.PUT, new HttpEntity<>(same), Map.class);

        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("version", 0).containsEntry("fullName", "Carla Same");
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("contact", contactId))
                .extracting(e -> e.getAction())
                .containsExactly("contact.created");
        same.put("title", "CFO");
        as("rob").exchange("/api/contacts/" + contactId, HttpMethod.PUT, new HttpEntity<>(same), Map.class);
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("contact", contactId))
                .extracting(e -> e.getAction())
                .as("a real change still is one")
                .containsExactly("contact.created", "contact.updated");
    }

    /** Found by a probe: a primary contact sent "primary": null (or "", or " ") stopped being the primary. */
    @Test
    void aContactEditWithoutATrueOrFalsePrimaryIsRefusedAndChangesNothing() {
        long accountId = newAccount("Contact Primary Ltd", "rob");
        long contactId = newContact(accountId, "Petra Primary", true);

        for (Object notABoolean : java.util.Arrays.asList(null, "", " ")) {
            Map<String, Object> edit = new java.util.HashMap<>(
                    Map.of("fullName", "Petra Primary", "email", "c@example.com", "version", 0));
            edit.put("title", null);
            edit.put("phone", null);
            edit.put("preferences", null);
            edit.put("primary", notABoolean);

            ResponseEntity<Map> refused =
                    as("rob").exchange("/api/contacts/" + contactId, HttpMethod.PUT, new HttpEntity<>(edit), Map.class);

            assertThat(refused.getStatusCode()).as("%s", notABoolean).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, Object>) refused.getBody().get("errors"))
                    .containsEntry("primary", "must be true or false");
        }
        assertThat(as("rob").getForObject("/api/contacts/" + contactId, Map.class))
                .containsEntry("primary", true)
                .containsEntry("version", 0);
    }

    /** Found by a probe: "renewalDate": "" (or "  ") cleared the date; null is how a client clears it. */
    @Test
    void anEmptyStringIsNoDateAndClearsNothing() {
        long accountId = newAccount("Renewal Kept Ltd", "rob");
        String renewal = LocalDate.now().plusMonths(6).toString();
        Map<String, Object> edit = new java.util.HashMap<>(
                Map.of("name", "Renewal Kept Ltd", "territory", "Benelux", "segment", "Mid-market", "version", 0));
        edit.put("renewalDate", renewal);
        as("rob").exchange("/api/accounts/" + accountId, HttpMethod.PUT, new HttpEntity<>(edit), Map.class);

        // and no other shape: [] cleared it too, a number was a day count (found by the second probe)
        for (Object empty : List.of("", "  ", List.of(), 20800, List.of(2027, 3, 8), "2027-03-08T00:00:00Z")) {
            edit.put("renewalDate", empty);
            edit.put("version", 1);
            ResponseEntity<Map> refused =
                    as("rob").exchange("/api/accounts/" + accountId, HttpMethod.PUT, new HttpEntity<>(edit), Map.class);

            assertThat(refused.getStatusCode()).as("'%s'", empty).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, Object>) refused.getBody().get("errors"))
                    .containsEntry("renewalDate", "must be a date like 2026-01-31");
        }
        assertThat(as("rob").getForObject("/api/accounts/" + accountId, Map.class))
                .containsEntry("renewalDate", renewal);
    }

    /** Found by a probe: version -1 answered 409 "changed by someone else", which reloading never fixes. */
    @Test
    void aNegativeVersionIsABadRequestAtVersionNotAConflict() {
        long accountId = newAccount("Negative Version Ltd", "rob");
        long contactId = newContact(accountId, "Nina Negative", false);
        Map<String, Object> edit = new java.util.HashMap<>(
                Map.of("fullName", "Nina Negative", "email", "c@example.com", "primary", false, "version", -1));
        edit.put("title", "CFO");
        edit.put("phone", null);
        edit.put("preferences", null);

        ResponseEntity<Map> refused =
                as("rob").exchange("/api/contacts/" + contactId, HttpMethod.PUT, new HttpEntity<>(edit), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) refused.getBody().get("errors"))
                .containsEntry("version", "must be 0 or more: send the version you read");
        assertThat(as("rob").getForObject("/api/contacts/" + contactId, Map.class))
                .containsEntry("title", null);
    }

    private Timestamp updatedAt(long accountId) {
        return jdbc.queryForObject("select updated_at from account where id = ?", Timestamp.class, accountId);
    }

    @Test
    void answersNotFoundForAnUnknownAccount() {
        ResponseEntity<Map> missing = as("rob").getForEntity("/api/accounts/999999", Map.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("detail", "no account 999999");
    }

    @Test
    void aNewPrimaryContactReplacesThePreviousOne() {
        long accountId = newAccount("Primary Co", "rob");
        long first = newContact(accountId, "Anna First", true);
        long second = newContact(accountId, "Bert Second", true);

        List<Map<String, Object>> contacts =
                as("rob").getForObject("/api/accounts/" + accountId + "/contacts", List.class);

        assertThat(contacts)
                .extracting(c -> c.get("fullName"), c -> c.get("primary"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Anna First", false),
                        org.assertj.core.groups.Tuple.tuple("Bert Second", true));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void verifyingAContactTakesItOffTheStaleList() {
        long accountId = newAccount("Stale Co", "rob");
        long contact = newContact(accountId, "Never Checked", false);
        assertThat(as("rob").getForObject("/api/accounts/" + accountId + "/contacts?stale=true", List.class))
                .hasSize(1);

        Map verified = as("rob").postForObject("/api/contacts/" + contact + "/verify", null, Map.class);

        assertThat(verified.get("lastVerifiedAt")).isNotNull();
        assertThat(verified).containsEntry("stale", false);
        assertThat(as("rob").getForObject("/api/accounts/" + accountId + "/contacts?stale=true", List.class))
                .isEmpty();
    }

    @Test
    void logsAnInteractionBySignedInPersonAndRefusesABlankOneWritingNothing() {
        long accountId = newAccount("Talk Co", "rob");
        long before = interactions.count();

        ResponseEntity<Map> bad = as("rita")
                .postForEntity("/api/accounts/" + accountId + "/interactions", Map.of("summary", " "), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) bad.getBody().get("errors")).containsOnlyKeys("kind", "summary");
        assertThat(interactions.count()).isEqualTo(before);

        Map logged = as("rita")
                .postForObject(
                        "/api/accounts/" + accountId + "/interactions",
                        Map.of("kind", "CALL", "summary", "Discussed the roll-out"),
                        Map.class);
        assertThat(logged).containsEntry("byUsername", "rita").containsEntry("kind", "CALL");
    }

    /** Found by a probe: the problem listed the enum's codes only, where the page shows labels. */
    @Test
    void anUnknownInteractionKindIsA400AtKindNamingTheChoicesAsThePageShowsThemWithTheirValues() {
        long accountId = newAccount("Kind Co", "rob");
        long before = interactions.count();

        ResponseEntity<Map> bad = as("rita")
                .postForEntity(
                        "/api/accounts/" + accountId + "/interactions",
                        Map.of("kind", "CHAT", "summary", "Over coffee"),
                        Map.class);

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) bad.getBody().get("errors"))
                .containsExactly(Map.entry(
                        "kind", "must be one of Call (CALL), Meeting (MEETING), Email (EMAIL) or Note (NOTE)"));
        assertThat(interactions.count()).isEqualTo(before);
    }

    @Test
    void timelineMergesInteractionsAndCommitmentEventsNewestFirst() {
        long accountId = newAccount("Story Co", "rob");
        Instant twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS);
        as("rob")
                .postForObject(
                        "/api/accounts/" + accountId + "/interactions",
                        Map.of("kind", "MEETING", "summary", "Kick-off", "occurredAt", twoDaysAgo.toString()),
                        Map.class);
        as("rob")
                .postForObject(
                        "/api/commitments",
                        Map.of(
                                "accountId",
                                accountId,
                                "description",
                                "Send the SSO guide",
                                "ownerId",
                                id("rob"),
                                "dueDate",
                                LocalDate.now().plusDays(7).toString()),
                        Map.class);
        as("rob")
                .postForObject(
                        "/api/accounts/" + accountId + "/interactions",
                        Map.of("kind", "CALL", "summary", "Follow-up"),
                        Map.class);

        List<Map<String, Object>> timeline = (List<Map<String, Object>>) as("ravi")
                .getForObject("/api/accounts/" + accountId + "/timeline", Map.class)
                .get("content");

        // the commitment's own process puts a task in the owner's inbox: a task step is not the customer's story
        assertThat(timeline)
                .extracting(i -> i.get("type"))
                .containsExactly("INTERACTION", "COMMITMENT", "CHANGE", "INTERACTION");
        assertThat(timeline)
                .extracting(i -> (String) i.get("summary"))
                .satisfiesExactly(
                        s -> assertThat(s).isEqualTo("Call: Follow-up"),
                        s -> assertThat(s)
                                .isEqualTo("Rob Jansen promised \"Send the SSO guide\", due "
                                        + Dates.calendarDay(LocalDate.now().plusDays(7))),
                        s -> assertThat(s).isEqualTo("Maria Rossi created the account"),
                        s -> assertThat(s).isEqualTo("Meeting: Kick-off"));
        assertThat(timeline.get(1)).containsEntry("who", "Rob Jansen");
        assertThat((String) timeline.get(1).get("link")).startsWith("/commitments/");
        assertThat(timeline)
                .extracting(i -> Instant.parse((String) i.get("when")))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void documentsTheApiWithOpenApi() {
        Map docs = SignedIn.as(http, "rob").getForObject("/v3/api-docs", Map.class);

        assertThat((Map<String, Object>) docs.get("paths"))
                .containsKeys(
                        "/api/accounts",
                        "/api/accounts/{id}/timeline",
                        "/api/accounts/{accountId}/contacts",
                        "/api/contacts/{id}/verify",
                        "/api/commitments",
                        "/api/commitments/{id}/accept",
                        "/api/commitments/{id}/owner",
                        "/api/people/me",
                        "/api/people/{id}/deactivate",
                        "/api/teams");
        // found by a probe: the account's notes named the note batch's "Note" schema (two classes, one name)
        Map<String, Map<String, Object>> schemas =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) docs.get("components")).get("schemas");
        Map<String, Object> notes = (Map<String, Object>)
                ((Map<String, Object>) schemas.get("AccountWithNotes").get("properties")).get("handoverNotes");
        String ref = (String) ((Map<String, Object>) notes.get("items")).get("$ref");
        assertThat((Map<String, Object>)
                        schemas.get(ref.substring(ref.lastIndexOf('/') + 1)).get("properties"))
                .containsKeys("writtenBy", "from", "to", "stage", "sections");
        // a true/false a body must send (RequiredBoolean) is marked required, as the 400 for a missing one says
        assertThat((List<String>) schemas.get("Choices").get("required"))
                .contains("onAssignment", "onTeamTask", "onReminder", "onEscalation", "dailyDigest");
        assertThat((List<String>) schemas.get("ContactChanges").get("required")).contains("primary", "version");
    }
}
