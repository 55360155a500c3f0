package dev.baton.imports;

import static dev.baton.imports.ImportsApi.finished;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.baton.support.Multipart;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * An imported account's timeline says who imported it, from which file and import, what came with it, and what
 * a later import changed (session 41's probe, F9: it said "Nothing has happened yet" minutes after the import).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class ImportTimelineIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    WebApplicationContext context;

    /** The account page as {@code username} with {@code role} sees it, through the real security filters. */
    private String page(String path, String username, String role) throws Exception {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build()
                .perform(get(path).with(user(username).roles(role)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private TestRestTemplate olga() {
        return http.withBasicAuth("olga", "demo");
    }

    /** Olga imports {@code csv} as {@code file} of Baton's template; the finished import's id. */
    private long imported(String kind, String file, String csv) {
        ResponseEntity started = olga().postForEntity(
                        "/api/imports?kind=" + kind + "&source=BATON&dryRun=false",
                        Multipart.texts("file", Map.of(file, csv)),
                        Map.class);
        long id = ((Number) ((Map) started.getBody()).get("id")).longValue();
        assertThat(finished(olga(), id)).containsEntry("status", "SUCCEEDED").containsEntry("errorCount", 0);
        return id;
    }

    private long accountId() {
        return jdbc.queryForObject(
                "select id from account where external_source = 'BATON' and external_id = ?", Long.class, "TL-" + tag);
    }

    private List<Map> timeline(String username) {
        return (List<Map>) http.withBasicAuth(username, "demo")
                .getForObject("/api/accounts/" + accountId() + "/timeline", Map.class)
                .get("content");
    }

    private List<String> sentences() {
        return timeline("olga").stream().map(e -> (String) e.get("summary")).toList();
    }

    private String accounts(String owner, String territory) {
        return "external_id,name,owner,territory\nTL-" + tag + ",Told " + tag + "," + owner + "," + territory + "\n";
    }

    @Test
    void anImportedAccountsTimelineSaysWhoImportedItFromWhichFileAndWhatCameWithIt() throws Exception {
        long accountsImport = imported("ACCOUNTS", "accounts.csv", accounts("rob", "DACH"));
        long contactsImport = imported(
                "CONTACTS",
                "contacts.csv",
                "external_id,account,full_name,email\nTLC1-" + tag + ",TL-" + tag + ",Ann Lee,ann." + tag
                        + "@example.com\nTLC2-" + tag + ",TL-" + tag + ",Bo Chan,bo." + tag + "@example.com\n");
        long interactionsImport = imported(
                "INTERACTIONS",
                "interactions.csv",
                "external_id,account,kind,summary,by,occurred_at\nTLI-" + tag + ",TL-" + tag
                        + ",CALL,Talked about the renewal,rob,2025-06-02\n");
        long commitmentsImport = imported(
                "COMMITMENTS",
                "commitments.csv",
                "external_id,account,description,made_by,due_date,owner,status\nTLK-" + tag + ",TL-" + tag
                        + ",SSO by spring,rob,2030-03-31,rob,ACCEPTED\n");

        assertThat(sentences())
                .containsExactly(
                        "Olga Reyes imported 1 promise (import #" + commitmentsImport + ", commitments.csv)",
                        "Olga Reyes imported 1 interaction (import #" + interactionsImport + ", interactions.csv)",
                        "Olga Reyes imported 2 contacts (import #" + contactsImport + ", contacts.csv)",
                        "Olga Reyes imported the account from a file in Baton's template (import #" + accountsImport
                                + ", accounts.csv)",
                        "Call: Talked about the renewal");
        // olga may open the imports; rob, the owner, may not: his entries link nowhere rather than to a 403
        assertThat(timeline("olga").get(3)).containsEntry("link", "/imports/" + accountsImport);
        assertThat(timeline("rob").get(3))
                .containsEntry("summary", sentences().get(3))
                .containsEntry("link", null);
        assertThat(page("/accounts/" + accountId(), "rob", "REP"))
                .contains("Olga Reyes imported 2 contacts (import #" + contactsImport + ", contacts.csv)")
                .doesNotContain("Nothing has happened yet");
    }

    @Test
    void aReimportTellsWhatItChangedInTheTimelinesWordsAndAnUnchangedRowNothing() {
        imported("ACCOUNTS", "accounts.csv", accounts("rob", "DACH"));
        imported("ACCOUNTS", "again.csv", accounts("rob", "DACH"));
        long changed = imported("ACCOUNTS", "moved.csv", accounts("rita", "EMEA"));

        assertThat(sentences())
                .hasSize(2)
                .first()
                .isEqualTo("Olga Reyes updated the account with import #" + changed + " (moved.csv): made Rita Okafor"
                        + " the account's owner (was Rob Jansen); territory \"EMEA\" (was \"DACH\")");
    }

    @Test
    void aDryRunAndAnImportWithABadRowTellNothing() {
        imported("ACCOUNTS", "accounts.csv", accounts("rob", "DACH"));
        String contacts = "external_id,account,full_name,email\nTLC1-" + tag + ",TL-" + tag
                + ",Ann Lee,ann@example.com\n" + "TLC2-" + tag + ",TL-" + tag + ",,bad\n";
        ResponseEntity failed = olga().postForEntity(
                        "/api/imports?kind=CONTACTS&source=BATON&dryRun=false",
                        Multipart.texts("file", Map.of("contacts.csv", contacts)),
                        Map.class);
        ResponseEntity dry = olga().postForEntity(
                        "/api/imports?kind=ACCOUNTS&source=BATON&dryRun=true",
                        Multipart.texts("file", Map.of("a.csv", accounts("rita", "EMEA"))),
                        Map.class);

        assertThat(finished(olga(), ((Number) ((Map) failed.getBody()).get("id")).longValue()))
                .containsEntry("status", "FAILED");
        assertThat(finished(olga(), ((Number) ((Map) dry.getBody()).get("id")).longValue()))
                .containsEntry("status", "SUCCEEDED");
        assertThat(sentences()).hasSize(1);
    }
}
