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
 * Contact files through the real API and the import's page, on e-mail addresses: no account gets one
 * address twice, from two rows of a file or from a row and a contact it has, and each such row is
 * reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class ContactImportIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRepeatedEmailAtOneAccountIsSkippedAndOneAContactHasIsMergedIntoItEachReported() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String acme = "Acme " + tag;
        assertThat(finished(start(
                        "ACCOUNTS",
                        false,
                        "external_id,name\nA-" + tag + "-1," + acme + "\nA-" + tag + "-2,Beta " + tag + "\n")))
                .containsEntry("status", "SUCCEEDED");
        long acmeId = accountId("A-" + tag + "-1");
        // a contact someone entered in Baton by hand, before the CRM's contacts are imported
        long bob = jdbc.queryForObject(
                "insert into contact (account_id, full_name, email, phone) values (?, 'Bob Old', ?, '+49 1')"
                        + " returning id",
                Long.class,
                acmeId,
                "Bob-" + tag + "@x.com");
        // row 3 repeats row 2 in another case and with a space; row 1,104 does so two chunks later
        StringBuilder csv = new StringBuilder("external_id,account,full_name,email\n")
                .append(row(tag, 1, 1, "Ann Lee", "Ann-" + tag + "@x.com"))
                .append(row(tag, 2, 1, "Ann Again", "\" ann-" + tag + "@x.com\""))
                .append(row(tag, 3, 2, "Ann At Beta", "ann-" + tag + "@x.com"))
                .append(row(tag, 4, 1, "Bob New", "bob-" + tag + "@X.com"));
        for (int i = 0; i < 1098; i++) {
            csv.append(row(tag, 100 + i, 1, "Filler " + i, "filler-" + i + "-" + tag + "@x.com"));
        }
        csv.append(row(tag, 5, 1, "Ann Late", "ANN-" + tag + "@X.COM"));
        String[] reported = {
            "3 email ann-" + tag + "@x.com: same e-mail as row 2 for account '" + acme
                    + "': skipped, not imported twice; its id C-" + tag + "-2 is kept for later files",
            "5 email bob-" + tag + "@X.com: the contact Bob Old at " + acme
                    + " has this e-mail already: merged into that contact; its id C-" + tag
                    + "-4 is kept for later files",
            "1104 email ANN-" + tag + "@X.COM: same e-mail as row 2 for account '" + acme
                    + "': skipped, not imported twice; its id C-" + tag + "-5 is kept for later files"
        };

        for (boolean dryRun : new boolean[] {true, false}) {
            long id = start("CONTACTS", dryRun, csv.toString());
            Map result = finished(id);

            assertThat(result)
                    .as("dry run %s", dryRun)
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("errorCount", 0)
                    .containsEntry("created", 1100)
                    .containsEntry("updated", 1);
            assertThat(notices(result)).as("dry run %s", dryRun).containsExactly(reported);
            String page = HtmlUtils.htmlUnescape(SignedIn.as(http, "ada").getForObject("/imports/" + id, String.class));
            assertThat(page)
                    .contains(
                            "same e-mail as row 2 for account '" + acme + "': skipped, not imported twice",
                            "the contact Bob Old at " + acme + " has this e-mail already: merged into that contact");
            assertThat(otherIds(tag)).as("dry run %s", dryRun).hasSize(dryRun ? 0 : 2);
        }
        // the same address at another account is another contact: people work for two companies
        assertThat(contacts(tag))
                .containsExactly(
                        "A-" + tag + "-1 C-" + tag + "-1 Ann Lee Ann-" + tag + "@x.com",
                        "A-" + tag + "-1 C-" + tag + "-4 Bob New Bob-" + tag + "@x.com +49 1",
                        "A-" + tag + "-2 C-" + tag + "-3 Ann At Beta ann-" + tag + "@x.com");
        assertThat(jdbc.queryForObject("select id from contact where external_id = ?", Long.class, "C-" + tag + "-4"))
                .as("the merged row's id names the contact it was merged into, for interactions imported later")
                .isEqualTo(bob);

        // importing the file again updates the merged contact, by its id now (the row writes its e-mail as the
        // row has it, and no phone); every other row changes nothing, and says so
        Map again = finished(start("CONTACTS", false, csv.toString()));

        assertThat(again)
                .containsEntry("created", 0)
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 1100);
        assertThat(notices(again))
                .contains(
                        "2 external_id C-" + tag + "-1: already imported, nothing changed: the contact Ann Lee at "
                                + acme,
                        reported[0],
                        "5 external_id C-" + tag + "-4: already imported: updates the contact Bob New at " + acme);
        assertThat(links(again)).contains("/accounts/" + acmeId);
        assertThat(contacts(tag)).hasSize(3);
    }

    @Test
    void filesNamingTheIdOfASkippedOrMergedContactRowFindTheContactItWasMergedInto() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start("ACCOUNTS", false, "external_id,name\nA-" + tag + "-1,Initech " + tag + "\n")))
                .containsEntry("status", "SUCCEEDED");
        // the CRM has Ann twice (row 3 repeats row 2's address); a later file has her a third time
        String contacts = "external_id,account,full_name,email\n" + row(tag, 1, 1, "Ann Lee", "ann-" + tag + "@x.com")
                + row(tag, 2, 1, "Ann L.", "ANN-" + tag + "@x.com");
        String moreContacts =
                "external_id,account,full_name,email\n" + row(tag, 3, 1, "Ann Lee-Third", "ann-" + tag + "@x.com");
        String interactions = "external_id,account,contact,kind,summary,by,occurred_at\n"
                + "I-" + tag + "-1,A-" + tag + "-1,C-" + tag + "-2,Call,Asked for SSO,rob,2026-11-02T10:00:00Z\n"
                + "I-" + tag + "-2,A-" + tag + "-1,C-" + tag + "-3,Note,Sent the SSO guide,rob,2026-11-03T10:00:00Z\n";
        String commitments = "external_id,account,contact,description,made_by,due_date,owner\n" + "K-" + tag + "-1,A-"
                + tag + "-1,C-" + tag + "-2,SSO by spring,rob,2027-03-31,rob\n";

        for (int round = 1; round <= 2; round++) {
            assertThat(notices(finished(start("CONTACTS", false, contacts))))
                    .contains("3 email ANN-" + tag + "@x.com: same e-mail as row 2 for account 'Initech " + tag
                            + "': skipped, not imported twice; its id C-" + tag + "-2 is kept for later files");
            assertThat(finished(start("CONTACTS", false, moreContacts)))
                    .as("round %s", round)
                    .containsEntry("errorCount", 0)
                    .containsEntry("created", 0)
                    .containsEntry("updated", 1);
            Map interactionsImported = finished(start("INTERACTIONS", false, interactions));
            assertThat(interactionsImported)
                    .as("round %s: %s", round, interactions)
                    .containsEntry("errorCount", 0);
            Map commitmentsImported = finished(start("COMMITMENTS", false, commitments));
            assertThat(commitmentsImported).as("round %s", round).containsEntry("errorCount", 0);
            if (round == 2) {
                // what a row met, in words and linked: "updates interaction 31" named nothing anyone sees (the rows
                // are as in round 1, so they change nothing)
                long accountId = accountId("A-" + tag + "-1");
                assertThat(notices(interactionsImported))
                        .contains(
                                "2 external_id I-" + tag + "-1: already imported, nothing changed: the call \"Asked"
                                        + " for SSO\" at Initech " + tag,
                                "3 external_id I-" + tag + "-2: already imported, nothing changed: the note \"Sent"
                                        + " the SSO guide\" at Initech " + tag);
                assertThat(links(interactionsImported)).contains("/accounts/" + accountId);
                assertThat(notices(commitmentsImported))
                        .contains("2 external_id K-" + tag + "-1: already imported, nothing changed: the commitment"
                                + " \"SSO by spring\" to Initech " + tag);
                assertThat(links(commitmentsImported))
                        .contains("/commitments/"
                                + jdbc.queryForObject(
                                        "select id from commitment where external_id = ?",
                                        Long.class,
                                        "K-" + tag + "-1"));
            }
        }

        long ann = contactId("C-" + tag + "-1");
        assertThat(contacts(tag)).as("one Ann, whatever the files called her").hasSize(1);
        assertThat(otherIds(tag)).containsExactly("C-" + tag + "-2 " + ann, "C-" + tag + "-3 " + ann);
        assertThat(jdbc.queryForList(
                        "select external_id || ' ' || contact_id from interaction where external_id like ? order by 1",
                        String.class,
                        "I-" + tag + "-%"))
                .containsExactly("I-" + tag + "-1 " + ann, "I-" + tag + "-2 " + ann);
        assertThat(jdbc.queryForObject(
                        "select contact_id from commitment where external_id = ?", Long.class, "K-" + tag + "-1"))
                .isEqualTo(ann);

        // the CRM gives the second Ann record another address: it is still the contact Baton merged it into
        String moved =
                "external_id,account,full_name,email\n" + row(tag, 2, 1, "Ann Moved", "ann.moved-" + tag + "@x.com");
        for (boolean dryRun : new boolean[] {true, false}) {
            Map result = finished(start("CONTACTS", dryRun, moved));

            assertThat(result)
                    .as("dry run %s", dryRun)
                    .containsEntry("errorCount", 0)
                    .containsEntry("created", 0)
                    .containsEntry("updated", 1);
            assertThat(notices(result))
                    .as("dry run %s", dryRun)
                    .containsExactly(
                            "2 external_id C-" + tag + "-2: already imported: updates the contact Ann Lee-Third at"
                                    + " Initech " + tag,
                            "2 email ann.moved-" + tag + "@x.com: its id is kept for the contact Ann Lee-Third at"
                                    + " Initech " + tag
                                    + ", which an earlier import merged it into for having that contact's e-mail"
                                    + " then: the row updates that contact, which keeps its own e-mail");
            assertThat(contacts(tag))
                    .as("dry run %s", dryRun)
                    .containsExactly("A-" + tag + "-1 C-" + tag + "-1 Ann " + (dryRun ? "Lee-Third" : "Moved") + " ann-"
                            + tag + "@x.com");
        }
    }

    @Test
    void aPrimaryColumnMakesTheContactItsAccountsPrimaryAndASecondPrimaryOfOneAccountIsAnError() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start(
                        "ACCOUNTS",
                        false,
                        "external_id,name\nA-" + tag + "-1,Acme " + tag + "\nA-" + tag + "-2,Beta " + tag + "\n")))
                .containsEntry("status", "SUCCEEDED");
        long acme = accountId("A-" + tag + "-1");
        // the account's primary contact and another contact, both entered in Baton by hand
        long oldPrimary = jdbc.queryForObject(
                "insert into contact (account_id, full_name, primary_contact) values (?, 'Olga Old', true)"
                        + " returning id",
                Long.class,
                acme);
        long bob = jdbc.queryForObject(
                "insert into contact (account_id, full_name, email) values (?, 'Bob Old', ?) returning id",
                Long.class,
                acme,
                "bob-" + tag + "@x.com");
        String header = "external_id,account,full_name,email,primary\n";
        String good = row(tag, 1, 1, "Ann Lee", "ann-" + tag + "@x.com").replace("\n", ",no\n")
                // merged into Bob Old (his address), who becomes the primary contact
                + row(tag, 2, 1, "Bob New", "bob-" + tag + "@x.com").replace("\n", ",yes\n")
                + row(tag, 3, 2, "Cy Beta", "cy-" + tag + "@x.com").replace("\n", ",TRUE\n");
        String bad = row(tag, 4, 2, "Di Beta", "di-" + tag + "@x.com").replace("\n", ",1\n")
                + row(tag, 5, 1, "Eve Lee", "eve-" + tag + "@x.com").replace("\n", ",maybe\n");

        Map refused = finished(start("CONTACTS", false, header + good + bad));

        assertThat(ImportsApi.listed(refused, "errors"))
                .containsExactly(
                        "5 primary: makes a second primary contact for account A-" + tag + "-2 after row 4: an"
                                + " account has one; write yes in one of its rows only",
                        "6 primary: is not a yes or no: write true, false, yes, no, 1 or 0");
        assertThat(primaries(tag)).as("a refused file changes nothing").containsExactly(oldPrimary);

        Map imported = finished(start("CONTACTS", false, header + good));

        assertThat(imported).containsEntry("status", "SUCCEEDED").containsEntry("errorCount", 0);
        assertThat(primaries(tag))
                .as("the row merged into Bob makes him Acme's primary contact in Olga's place; Cy is Beta's")
                .containsExactlyInAnyOrder(bob, contactId("C-" + tag + "-3"));

        // importing it again changes nothing, and a later file naming another primary moves the mark
        assertThat(finished(start("CONTACTS", false, header + good))).containsEntry("errorCount", 0);
        assertThat(primaries(tag)).containsExactlyInAnyOrder(bob, contactId("C-" + tag + "-3"));
        assertThat(finished(start(
                        "CONTACTS",
                        false,
                        header
                                + row(tag, 1, 1, "Ann Lee", "ann-" + tag + "@x.com")
                                        .replace("\n", ",yes\n"))))
                .containsEntry("errorCount", 0);
        assertThat(primaries(tag))
                .containsExactlyInAnyOrder(contactId("C-" + tag + "-1"), contactId("C-" + tag + "-3"));
    }

    @Test
    void aRowNamingAnotherAccountThanItsContactIsIsRefusedAtAccountAndMovesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start(
                        "ACCOUNTS",
                        false,
                        "external_id,name\nA-" + tag + "-1,Acme " + tag + "\nA-" + tag + "-2,Beta " + tag + "\n")))
                .containsEntry("status", "SUCCEEDED");
        String header = "external_id,account,full_name,email\n";
        assertThat(finished(start(
                        "CONTACTS",
                        false,
                        header
                                + row(tag, 1, 1, "Ana Silva", "ana-" + tag + "@x.com")
                                + row(tag, 2, 1, "Bob Ray", "bob-" + tag + "@x.com"))))
                .containsEntry("created", 2);
        List<String> before = contacts(tag);
        // the CRM now has Ana at Beta, and Bob renamed at Acme: the file fails, so Bob keeps his name too
        String moved = header + row(tag, 1, 2, "Ana Silva", "ana-" + tag + "@x.com") + "C-" + tag + "-2,A-" + tag
                + "-1,Bob Ray Jr,bob-" + tag + "@x.com\n";

        for (boolean dryRun : new boolean[] {true, false}) {
            long id = start("CONTACTS", dryRun, moved);
            Map result = finished(id);

            assertThat(result)
                    .as("dry run %s", dryRun)
                    .containsEntry("status", "FAILED")
                    .containsEntry("errorCount", 1)
                    .containsEntry("unchanged", 0);
            String problem = "names the account Beta " + tag + ", but the contact Ana Silva at Acme " + tag
                    + " has this row's id: an import does not move a contact to another account (give the row"
                    + " that contact's account, or another id for a new contact)";
            assertThat(ImportsApi.listed(result, "errors"))
                    .as("dry run %s", dryRun)
                    .containsExactly("2 account: " + problem);
            assertThat(((List<Map>) result.get("errors")).getFirst()).containsEntry("value", "A-" + tag + "-2");
            String page = HtmlUtils.htmlUnescape(SignedIn.as(http, "ada").getForObject("/imports/" + id, String.class));
            assertThat(page).contains("A-" + tag + "-2", problem);
        }
        assertThat(contacts(tag)).as("nothing moved, nothing written").isEqualTo(before);
    }

    /** The primary contacts of the tagged accounts. */
    private List<Long> primaries(String tag) {
        return jdbc.queryForList(
                "select c.id from contact c join account a on a.id = c.account_id"
                        + " where a.external_id like ? and c.primary_contact",
                Long.class,
                "A-" + tag + "-%");
    }

    /** The tagged contacts' other ids, each with the contact it names. */
    private List<String> otherIds(String tag) {
        return jdbc.queryForList(
                "select external_id || ' ' || contact_id from contact_other_id"
                        + " where external_source = 'BATON' and external_id like ? order by 1",
                String.class,
                "C-" + tag + "-%");
    }

    private static String row(String tag, int contact, int account, String name, String email) {
        return "C-" + tag + "-" + contact + ",A-" + tag + "-" + account + "," + name + "," + email + "\n";
    }

    private long accountId(String externalId) {
        return idOf("account", externalId);
    }

    private long contactId(String externalId) {
        return idOf("contact", externalId);
    }

    /** The id of the record of {@code table} (account or contact) imported from Baton's template with this id. */
    private long idOf(String table, String externalId) {
        return jdbc.queryForObject(
                "select id from " + table + " where external_source = 'BATON' and external_id = ?",
                Long.class,
                externalId);
    }

    /** The tagged contacts but the filler: account, id, name, e-mail and phone. */
    private List<String> contacts(String tag) {
        return jdbc.queryForList(
                "select a.external_id || ' ' || c.external_id || ' ' || c.full_name || ' ' || c.email"
                        + " || coalesce(' ' || c.phone, '') from contact c join account a on a.id = c.account_id"
                        + " where a.external_id like ? and c.full_name not like 'Filler %' order by 1",
                String.class, "A-" + tag + "-%");
    }

    /** The pages the notices link to. */
    private static List<Object> links(Map result) {
        return ((List<Map>) result.get("notices"))
                .stream().map(e -> e.get("link")).toList();
    }

    private static List<String> notices(Map result) {
        return ((List<Map>) result.get("notices"))
                .stream()
                        .map(e -> e.get("row") + " " + e.get("column") + " " + e.get("value") + ": " + e.get("problem"))
                        .toList();
    }

    private long start(String kind, boolean dryRun, String csv) {
        return ImportsApi.start(http.withBasicAuth("ada", "demo"), kind, dryRun, csv);
    }

    private Map finished(long id) {
        return ImportsApi.finished(http.withBasicAuth("ada", "demo"), id);
    }
}
