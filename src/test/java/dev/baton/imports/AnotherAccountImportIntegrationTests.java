package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Interactions and commitments files imported again with a row naming another account than the record its id names:
 * the row is an error at {@code account} naming both, in the dry run too, and the file writes nothing, so the record
 * stays at its account as it was (session 45: such a row counted as updating the record, or changing nothing, while
 * the record stayed where it was, though given the row's contact at the other account). Contacts:
 * {@link ContactImportIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class AnotherAccountImportIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInteractionsRowNamingAnotherAccountThanItsInteractionIsIsRefusedAtAccountAndMovesNothing() {
        String tag = accountsWithAContactEach();
        String header = "external_id,account,contact,kind,summary,by,occurred_at\n";
        String call = "I-" + tag + "-1,A-" + tag + "-1,C-" + tag + "-1,CALL,Talked about the renewal,rob,"
                + "2026-11-02T10:00:00Z\n";
        String note = "I-" + tag + "-2,A-" + tag + "-1,,NOTE,Sent the deck,rob,2026-11-03\n";
        assertThat(finished(start("INTERACTIONS", false, header + call + note))).containsEntry("created", 2);
        List<String> before = interactions(tag);
        // the CRM now has the call at Beta with Beta's contact, and the note edited: the file fails, so the note
        // keeps its summary too
        String moved = header
                + call.replace("A-" + tag + "-1,C-" + tag + "-1", "A-" + tag + "-2,C-" + tag + "-2")
                + note.replace("Sent the deck", "Sent the new deck");

        refusedBothTimes(
                "INTERACTIONS",
                moved,
                "names the account Beta " + tag + ", but the call \"Talked about the renewal\" at Acme " + tag
                        + " has this row's id: an import does not move an interaction to another account (give the"
                        + " row that interaction's account, or another id for a new interaction)",
                "A-" + tag + "-2");
        assertThat(interactions(tag)).as("nothing moved, nothing written").isEqualTo(before);
    }

    @Test
    void aCommitmentsRowNamingAnotherAccountThanItsCommitmentIsIsRefusedAtAccountAndMovesNothing() {
        String tag = accountsWithAContactEach();
        String header = "external_id,account,contact,description,made_by,due_date,owner\n";
        String report = "K-" + tag + "-1,A-" + tag + "-1,C-" + tag + "-1,Send the SOC 2 report,rob,2027-06-30,rob\n";
        String training = "K-" + tag + "-2,A-" + tag + "-1,,Train the admins,rob,2027-07-31,rob\n";
        assertThat(finished(start("COMMITMENTS", false, header + report + training)))
                .containsEntry("created", 2);
        List<String> before = commitments(tag);
        // the CRM now has the report promised to Beta's contact, and the training moved: the file fails, so the
        // training keeps its due date too
        String moved = header
                + report.replace("A-" + tag + "-1,C-" + tag + "-1", "A-" + tag + "-2,C-" + tag + "-2")
                + training.replace("2027-07-31", "2027-08-31");

        refusedBothTimes(
                "COMMITMENTS",
                moved,
                "names the account Beta " + tag + ", but the commitment \"Send the SOC 2 report\" to Acme " + tag
                        + " has this row's id: an import does not move a commitment to another account (give the row"
                        + " that commitment's account, or another id for a new commitment)",
                "A-" + tag + "-2");
        assertThat(commitments(tag)).as("nothing moved, nothing written").isEqualTo(before);
    }

    /**
     * Imports {@code file} of {@code kind} as a dry run, then for real: each time it fails with its row 2 refused at
     * {@code account} ({@code value} as the file has it) in these words, in the API's answer and on the import's page.
     */
    private void refusedBothTimes(String kind, String file, String problem, String value) {
        for (boolean dryRun : new boolean[] {true, false}) {
            long id = start(kind, dryRun, file);
            Map result = finished(id);

            assertThat(result)
                    .as("dry run %s", dryRun)
                    .containsEntry("status", "FAILED")
                    .containsEntry("errorCount", 1)
                    .containsEntry("unchanged", 0);
            assertThat(ImportsApi.listed(result, "errors"))
                    .as("dry run %s", dryRun)
                    .containsExactly("2 account: " + problem);
            assertThat(((List<Map>) result.get("errors")).getFirst()).containsEntry("value", value);
            String page = HtmlUtils.htmlUnescape(SignedIn.as(http, "ada").getForObject("/imports/" + id, String.class));
            assertThat(page).contains(value, problem);
        }
    }

    /** Imports the accounts Acme (A-tag-1) and Beta (A-tag-2), with the contacts C-tag-1 and C-tag-2; the tag. */
    private String accountsWithAContactEach() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start(
                        "ACCOUNTS",
                        false,
                        "external_id,name\nA-" + tag + "-1,Acme " + tag + "\nA-" + tag + "-2,Beta " + tag + "\n")))
                .containsEntry("status", "SUCCEEDED");
        assertThat(finished(start(
                        "CONTACTS",
                        false,
                        "external_id,account,full_name\nC-" + tag + "-1,A-" + tag + "-1,Ana Silva\nC-" + tag + "-2,A-"
                                + tag + "-2,Bob Ray\n")))
                .containsEntry("created", 2);
        return tag;
    }

    /** The tagged interactions: id, account, contact (if any), summary. */
    private List<String> interactions(String tag) {
        return jdbc.queryForList(
                "select i.external_id || ' ' || a.external_id || ' ' || coalesce(c.external_id, '-') || ' '"
                        + " || i.summary from interaction i join account a on a.id = i.account_id"
                        + " left join contact c on c.id = i.contact_id where i.external_id like ? order by 1",
                String.class,
                "I-" + tag + "-%");
    }

    /** The tagged commitments: id, account, contact (if any), description, due date. */
    private List<String> commitments(String tag) {
        return jdbc.queryForList(
                "select k.external_id || ' ' || a.external_id || ' ' || coalesce(c.external_id, '-') || ' '"
                        + " || k.description || ' ' || k.due_date from commitment k"
                        + " join account a on a.id = k.account_id left join contact c on c.id = k.contact_id"
                        + " where k.external_id like ? order by 1",
                String.class,
                "K-" + tag + "-%");
    }

    private long start(String kind, boolean dryRun, String csv) {
        return ImportsApi.start(http.withBasicAuth("ada", "demo"), kind, dryRun, csv);
    }

    private Map finished(long id) {
        return ImportsApi.finished(http.withBasicAuth("ada", "demo"), id);
    }
}
