package dev.baton.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The raw trail's filters as a client types them: {@code accountId} (the entries' own field name)
 * filters, and a parameter the trail does not know is refused instead of listing every event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class AuditTrailApiIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    String word = "Trail" + ThreadLocalRandom.current().nextInt(1_000_000);

    /** Two accounts made through the API: each creation is an audit event on its account. */
    private long[] twoAccounts() {
        return new long[] {created(word + " First"), created(word + " Second")};
    }

    private long created(String name) {
        ResponseEntity<Map> answer =
                http.withBasicAuth("ada", "demo").postForEntity("/api/accounts", Map.of("name", name), Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) answer.getBody().get("id")).longValue();
    }

    private List<Long> accountIds(String query) {
        ResponseEntity<Map> answer = http.withBasicAuth("ada", "demo").getForEntity("/api/audit?" + query, Map.class);
        assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) answer.getBody().get("content"))
                .stream()
                        .map(e -> e.get("accountId") instanceof Number id ? id.longValue() : null)
                        .toList();
    }

    @Test
    void filtersByAccountIdAsEachEntryNamesItAndByItsOlderNameAccount() {
        long[] accounts = twoAccounts();

        assertThat(accountIds("accountId=" + accounts[0])).isNotEmpty().containsOnly(accounts[0]);
        assertThat(accountIds("account=" + accounts[1])).isNotEmpty().containsOnly(accounts[1]);
        assertThat(accountIds("accountId=" + accounts[0] + "&account=" + accounts[0]))
                .isNotEmpty()
                .containsOnly(accounts[0]);
    }

    @Test
    void anUnknownParameterOrTwoDifferentAccountsIsABadRequestNamingIt() {
        long[] accounts = twoAccounts();
        Map<String, String> bad = Map.of(
                "acountId", "acountId=" + accounts[0],
                "entity", "entity=contact",
                "account", "accountId=" + accounts[0] + "&account=" + accounts[1]);

        bad.forEach((field, query) -> {
            ResponseEntity<Map> answer =
                    http.withBasicAuth("ada", "demo").getForEntity("/api/audit?" + query, Map.class);
            assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, String>) answer.getBody().get("errors"))
                    .as(query)
                    .containsOnlyKeys(field);
        });
    }

    /** Session 47: a size over the trail's 200 rows a page was cut to 200 without a word. */
    @Test
    void aSizeOverTwoHundredIsABadRequestNamingSizeNotAShorterPage() {
        ResponseEntity<Map> over = http.withBasicAuth("ada", "demo").getForEntity("/api/audit?size=201", Map.class);
        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) over.getBody().get("errors"))
                .containsExactly(Map.entry("size", "must be a whole number from 1 to 200"));

        ResponseEntity<Map> most = http.withBasicAuth("ada", "demo").getForEntity("/api/audit?size=200", Map.class);
        assertThat(most.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(most.getBody().get("size")).isEqualTo(200);
    }

    @Test
    void thePageShowsEachActionInWordsAndWhoByFullNameWhileTheApiKeepsTheCodeBesideItsLabel() {
        long account = created(word + " Words");

        String page = SignedIn.as(http, "ada").getForObject("/audit?accountId=" + account, String.class);
        ResponseEntity<Map> api =
                http.withBasicAuth("ada", "demo").getForEntity("/api/audit?accountId=" + account, Map.class);

        assertThat(page)
                .as("the action and the person in words, not account.created by ada")
                .contains(">Account created</td>", ">Ada Lovelace</td>")
                .doesNotContain(">account.created</td>", ">ada</td>");
        assertThat((List<Map<String, Object>>) api.getBody().get("content"))
                .extracting(e -> e.get("actor") + " " + e.get("action") + " " + e.get("actionLabel"))
                .containsExactly("ada account.created Account created");
    }

    /** The "Who" filter asked for a user name people do not know each other by: it offers people by full name. */
    @Test
    void thePagesWhoFilterOffersPeopleByFullNameAndSendsTheirUserName() {
        long account = created(word + " Who");

        String page = SignedIn.as(http, "ada").getForObject("/audit?actor=ada&accountId=" + account, String.class);

        assertThat(page)
                .doesNotContain("Who (user name)")
                .contains("<option value=\"\">Anyone</option>")
                .contains("<option value=\"ada\" selected=\"selected\">Ada Lovelace</option>")
                .contains("<option value=\"rob\">Rob Jansen</option>")
                .contains("<option value=\"system\">Baton itself (engine and scheduled work)</option>")
                .contains(word + " Who");
    }

    @Test
    void thePageFiltersByAccountIdAndSaysWhichParameterItDoesNotKnow() {
        long[] accounts = twoAccounts();

        ResponseEntity<String> page =
                SignedIn.as(http, "ada").getForEntity("/audit?accountId=" + accounts[0], String.class);
        ResponseEntity<String> unknown =
                SignedIn.as(http, "ada").getForEntity("/audit?acountId=" + accounts[0], String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains(word + " First")
                .doesNotContain(word + " Second")
                .contains("name=\"accountId\"")
                .contains("value=\"" + accounts[0] + "\"");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("acountId").contains("is not a parameter here");
    }

    /**
     * Probe 45, F4: every manager read the whole company's trail, a back door to the handovers of other
     * lines that the handover API refuses. A manager reads their own and their line's events; an admin all.
     */
    @Test
    void aManagerReadsOnlyTheirOwnAndTheirLinesEventsAndAnAdminAll() {
        long account = created(word + " Lines");
        for (String actor : List.of("rob", "ravi", "maria", "marcus", "system")) {
            jdbc.update(
                    "insert into audit_event (actor, action, entity_type, entity_id, account_id)"
                            + " values (?, 'handover.launched', 'handover', 1, ?)",
                    actor,
                    account);
        }

        assertThat(actors("maria", account)).containsExactlyInAnyOrder("rob", "maria");
        assertThat(actors("marcus", account)).containsExactlyInAnyOrder("ravi", "marcus");
        assertThat(actors("ada", account)).containsExactlyInAnyOrder("ada", "rob", "ravi", "maria", "marcus", "system");

        String page = SignedIn.as(http, "marcus").getForObject("/audit?actor=rob&accountId=" + account, String.class);
        assertThat(page)
                .as("rob is not in marcus's line: no event of his, and not offered as Who")
                .contains("No event matches.")
                .doesNotContain(">Rob Jansen<")
                .contains("<option value=\"ravi\">Ravi Shankar</option>");
    }

    private List<String> actors(String reader, long account) {
        ResponseEntity<Map> answer =
                http.withBasicAuth(reader, "demo").getForEntity("/api/audit?size=200&accountId=" + account, Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) answer.getBody().get("content"))
                .stream().map(e -> (String) e.get("actor")).toList();
    }
}
