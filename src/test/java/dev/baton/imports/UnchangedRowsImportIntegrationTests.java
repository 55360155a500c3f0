package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.SignedIn;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * A file imported again: a row that meets a record and changes none of its values is counted unchanged and
 * said to change nothing, in the dry run's preview, the API's answer and the import's page; a row that
 * changes a value still updates (session 44's probe: an unchanged accounts file said "updated 4" the second
 * time, each row "already imported: updates the account ...").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class UnchangedRowsImportIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAccountsFileImportedAgainChangesNothingAndSaysSoUntilARowChanges() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String header = "external_id,name,owner,segment,territory,renewal_date\n";
        String first = "A-" + tag + "-1,Acme " + tag + ",rob,Enterprise,Benelux,2027-03-31\n";
        String second = "A-" + tag + "-2,Beta " + tag + ",,,,\n";
        String third = "A-" + tag + "-3,Gamma " + tag + ",rita,SMB,,2027-01-15\n";
        String file = header + first + second + third;
        assertThat(finished(start("ACCOUNTS", false, file)))
                .containsEntry("created", 3)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 0);
        long versions = versions(tag);

        for (boolean dryRun : new boolean[] {true, false}) {
            long id = start("ACCOUNTS", dryRun, file);
            Map again = finished(id);

            assertThat(again)
                    .as("dry run %s", dryRun)
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("created", 0)
                    .containsEntry("updated", 0)
                    .containsEntry("unchanged", 3);
            assertThat(ImportsApi.listed(again, "notices"))
                    .as("dry run %s", dryRun)
                    .containsExactly(
                            "2 external_id: already imported, nothing changed: the account Acme " + tag,
                            "3 external_id: already imported, nothing changed: the account Beta " + tag,
                            "4 external_id: already imported, nothing changed: the account Gamma " + tag);
            assertThat(page(id))
                    .as("dry run %s", dryRun)
                    .contains(
                            dryRun
                                    ? "0 would be new, 0 would update records imported before, 3 would change nothing"
                                    : "Imported 3 rows: 0 new, 0 updated, 3 unchanged.");
        }
        assertThat(versions(tag)).as("no account is written to").isEqualTo(versions);

        // the CRM moves Beta to a territory: that row updates, the others still change nothing
        Map changed = finished(start("ACCOUNTS", false, header + first + second.replace(",,,,", ",,,DACH,") + third));

        assertThat(changed)
                .containsEntry("created", 0)
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 2);
        assertThat(ImportsApi.listed(changed, "notices"))
                .containsExactly(
                        "2 external_id: already imported, nothing changed: the account Acme " + tag,
                        "3 external_id: already imported: updates the account Beta " + tag,
                        "4 external_id: already imported, nothing changed: the account Gamma " + tag);
        assertThat(jdbc.queryForObject(
                        "select territory from account where external_id = ?", String.class, "A-" + tag + "-2"))
                .isEqualTo("DACH");
    }

    @Test
    void aContactsFileImportedAgainChangesNothingAndSaysSoUntilARowChanges() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start("ACCOUNTS", false, "external_id,name\nA-" + tag + "-1,Acme " + tag + "\n")))
                .containsEntry("status", "SUCCEEDED");
        String header = "external_id,account,full_name,title,email,phone,last_verified_at,primary\n";
        String ann = "C-" + tag + "-1,A-" + tag + "-1,Ann Lee,CFO,ann-" + tag + "@x.com,+49 1,2026-01-05,yes\n";
        String bob = "C-" + tag + "-2,A-" + tag + "-1,Bob Ray,,bob-" + tag + "@x.com,,,\n";
        String file = header + ann + bob;
        assertThat(finished(start("CONTACTS", false, file)))
                .containsEntry("created", 2)
                .containsEntry("unchanged", 0);

        for (boolean dryRun : new boolean[] {true, false}) {
            Map again = finished(start("CONTACTS", dryRun, file));

            assertThat(again)
                    .as("dry run %s", dryRun)
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("created", 0)
                    .containsEntry("updated", 0)
                    .containsEntry("unchanged", 2);
            assertThat(ImportsApi.listed(again, "notices"))
                    .as("dry run %s", dryRun)
                    .containsExactly(
                            "2 external_id: already imported, nothing changed: the contact Ann Lee at Acme " + tag,
                            "3 external_id: already imported, nothing changed: the contact Bob Ray at Acme " + tag);
        }

        // Bob gets a phone number: his row updates him, Ann's still changes nothing
        Map changed = finished(start("CONTACTS", false, file.replace("@x.com,,,", "@x.com,+49 2,,")));

        assertThat(changed)
                .containsEntry("created", 0)
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 1);
        assertThat(ImportsApi.listed(changed, "notices"))
                .containsExactly(
                        "2 external_id: already imported, nothing changed: the contact Ann Lee at Acme " + tag,
                        "3 external_id: already imported: updates the contact Bob Ray at Acme " + tag);
        assertThat(jdbc.queryForObject(
                        "select phone from contact where external_id = ?", String.class, "C-" + tag + "-2"))
                .isEqualTo("+49 2");

        // someone makes Bob the primary contact in Baton: Ann's row, which says she is, changes that again
        jdbc.update("update contact set primary_contact = false where external_id = ?", "C-" + tag + "-1");
        jdbc.update("update contact set primary_contact = true where external_id = ?", "C-" + tag + "-2");
        Map primaryAgain = finished(start("CONTACTS", true, file.replace("@x.com,,,", "@x.com,+49 2,,")));

        assertThat(primaryAgain).containsEntry("updated", 1).containsEntry("unchanged", 1);
        assertThat(ImportsApi.listed(primaryAgain, "notices"))
                .startsWith("2 external_id: already imported: updates the contact Ann Lee at Acme " + tag);
    }

    private long versions(String tag) {
        return jdbc.queryForObject(
                "select sum(version) from account where external_id like ?", Long.class, "A-" + tag + "-%");
    }

    private String page(long id) {
        return HtmlUtils.htmlUnescape(SignedIn.as(http, "ada").getForObject("/imports/" + id, String.class));
    }

    private long start(String kind, boolean dryRun, String csv) {
        return ImportsApi.start(http.withBasicAuth("ada", "demo"), kind, dryRun, csv);
    }

    private Map finished(long id) {
        return ImportsApi.finished(http.withBasicAuth("ada", "demo"), id);
    }
}
