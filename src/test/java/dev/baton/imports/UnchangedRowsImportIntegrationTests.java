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

            allUnchanged(
                    again,
                    dryRun,
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

            allUnchanged(
                    again,
                    dryRun,
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

    /**
     * Interactions and commitments imported again: unchanged, not written (no new version) and no second
     * "imported ... and updated ..." line on the account's timeline; a row changing its summary or due date still
     * updates, and only that row is told on the timeline.
     */
    @Test
    void interactionsAndCommitmentsImportedAgainChangeNothingAndTellTheTimelineNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start("ACCOUNTS", false, "external_id,name,owner\nA-" + tag + "-1,Acme " + tag + ",rob\n")))
                .containsEntry("status", "SUCCEEDED");
        long account =
                jdbc.queryForObject("select id from account where external_id = ?", Long.class, "A-" + tag + "-1");
        String interactions = "external_id,account,kind,summary,by,occurred_at\n"
                + "I-" + tag + "-1,A-" + tag + "-1,CALL,Talked about the renewal,rob,2026-11-02T10:00:00Z\n"
                + "I-" + tag + "-2,A-" + tag + "-1,NOTE,Sent the deck,rob,2026-11-03\n";
        String commitments = "external_id,account,description,made_by,due_date,owner,status,delivered_at\n"
                + "K-" + tag + "-1,A-" + tag + "-1,Send the SOC 2 report,rob,2027-06-30,rob,PROPOSED,\n"
                + "K-" + tag + "-2,A-" + tag
                + "-1,Train the admins,rob,2026-10-01,rob,DELIVERED,2026-10-02T08:30:00Z\n";
        assertThat(finished(start("INTERACTIONS", false, interactions))).containsEntry("created", 2);
        assertThat(finished(start("COMMITMENTS", false, commitments))).containsEntry("created", 2);
        long told = timelineLines(account);
        long versions = jdbc.queryForObject(
                "select sum(version) from commitment where external_id like ?", Long.class, "K-" + tag + "-%");

        for (boolean dryRun : new boolean[] {true, false}) {
            Map again = finished(start("INTERACTIONS", dryRun, interactions));
            allUnchanged(
                    again,
                    dryRun,
                    "2 external_id: already imported, nothing changed: the call \"Talked about the renewal\" at"
                            + " Acme " + tag,
                    "3 external_id: already imported, nothing changed: the note \"Sent the deck\" at Acme " + tag);
            Map promises = finished(start("COMMITMENTS", dryRun, commitments));
            allUnchanged(
                    promises,
                    dryRun,
                    "2 external_id: already imported, nothing changed: the commitment \"Send the SOC 2"
                            + " report\" to Acme " + tag,
                    "3 external_id: already imported, nothing changed: the commitment \"Train the admins\" to"
                            + " Acme " + tag);
        }
        assertThat(timelineLines(account))
                .as("no timeline line for rows that changed nothing")
                .isEqualTo(told);
        assertThat(jdbc.queryForObject(
                        "select sum(version) from commitment where external_id like ?", Long.class, "K-" + tag + "-%"))
                .as("no commitment written to")
                .isEqualTo(versions);

        // the CRM edits one interaction's summary and moves one commitment's date: those rows update
        assertThat(finished(start("INTERACTIONS", false, interactions.replace("Sent the deck", "Sent the new deck"))))
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 1);
        assertThat(finished(start("COMMITMENTS", false, commitments.replace("2027-06-30", "2027-07-15"))))
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 1);
        // a delivery date the row gives anew is a change too
        assertThat(finished(start(
                        "COMMITMENTS",
                        true,
                        commitments
                                .replace("2027-06-30", "2027-07-15")
                                .replace("2026-10-02T08:30", "2026-10-03T08:30"))))
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 1);
        assertThat(timelineLines(account)).isEqualTo(told + 2);
        assertThat(jdbc.queryForObject(
                        "select due_date::text from commitment where external_id = ?", String.class, "K-" + tag + "-1"))
                .isEqualTo("2027-07-15");
    }

    /**
     * Leads and teams imported again: unchanged and not written (a lead's version is left to its follow-up process,
     * which assigns it meanwhile); a row changing one value still updates.
     */
    @Test
    void leadsAndTeamsImportedAgainChangeNothingUntilARowChanges() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String leads = "external_id,company,full_name,email,phone,source,campaign,score,territory\n"
                + "L-" + tag + "-1,Lead Co " + tag + ",Lea One,lea-" + tag + "@x.com,,web,Spring,55.4,Benelux\n"
                + "L-" + tag + "-2,Lead Co " + tag + ",Leo Two,,+31 2,,,,\n";
        String teams = "key,name\nt1-" + tag + ",One " + tag + "\nt2-" + tag + ",Two " + tag + "\n";
        assertThat(finished(start("LEADS", false, leads))).containsEntry("created", 2);
        assertThat(finished(start("TEAMS", false, teams))).containsEntry("created", 2);
        long teamVersions = versionsOf("team", "key", "t_-" + tag);

        for (boolean dryRun : new boolean[] {true, false}) {
            Map again = finished(start("LEADS", dryRun, leads));
            allUnchanged(
                    again,
                    dryRun,
                    "2 external_id: already imported, nothing changed: the lead Lea One at Lead Co " + tag,
                    "3 external_id: already imported, nothing changed: the lead Leo Two at Lead Co " + tag);
            Map teamsAgain = finished(start("TEAMS", dryRun, teams));
            allUnchanged(
                    teamsAgain,
                    dryRun,
                    "2 key: already imported, nothing changed: the team One " + tag,
                    "3 key: already imported, nothing changed: the team Two " + tag);
        }
        assertThat(versionsOf("team", "key", "t_-" + tag)).isEqualTo(teamVersions);

        assertThat(finished(start("LEADS", false, leads.replace("55.4", "70"))))
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 1);
        assertThat(finished(start("TEAMS", false, teams.replace("Two " + tag, "Deux " + tag))))
                .containsEntry("updated", 1)
                .containsEntry("unchanged", 1);
        assertThat(jdbc.queryForObject("select name from team where key = ?", String.class, "t2-" + tag))
                .isEqualTo("Deux " + tag);
    }

    /**
     * A people file imported again: unchanged, and nobody written (roles not rewritten, no new version); a row
     * giving someone another role, time zone or manager still updates.
     */
    @Test
    void aPeopleFileImportedAgainChangesNothingUntilARowChanges() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start("TEAMS", false, "key,name\npt-" + tag + ",People " + tag + "\n")))
                .containsEntry("created", 1);
        String header = "email,full_name,username,team,roles,time_zone,manager,external_id\n";
        String boss = "boss-" + tag + "@x.com,Bo Boss,boss-" + tag + ",pt-" + tag + ",MANAGER REP,Europe/Berlin,,P-"
                + tag + "-1\n";
        String rep = "rep-" + tag + "@x.com,Re Rep,rep-" + tag + ",pt-" + tag + ",REP,,boss-" + tag + ",\n";
        String file = header + boss + rep;
        assertThat(finished(ImportsApi.startPeople(http.withBasicAuth("ada", "demo"), false, file)))
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("created", 2);
        long versions = versionsOf("person", "email", "%-" + tag + "@x.com");

        for (boolean dryRun : new boolean[] {true, false}) {
            Map again = finished(ImportsApi.startPeople(http.withBasicAuth("ada", "demo"), dryRun, file));
            allUnchanged(
                    again,
                    dryRun,
                    "2 email: already in Baton, nothing changed: Bo Boss (boss-" + tag + "), matched by e-mail",
                    "3 email: already in Baton, nothing changed: Re Rep (rep-" + tag + "), matched by e-mail");
        }
        assertThat(versionsOf("person", "email", "%-" + tag + "@x.com")).isEqualTo(versions);

        // each of these changes one thing of the rep: the row updates
        for (String changed : new String[] {
            rep.replace(",REP,", ",REP ADMIN,"),
            rep.replace(",REP,,", ",REP,Europe/Paris,"),
            rep.replace(",boss-" + tag + ",", ",,")
        }) {
            assertThat(finished(
                            ImportsApi.startPeople(http.withBasicAuth("ada", "demo"), true, header + boss + changed)))
                    .as(changed)
                    .containsEntry("updated", 1)
                    .containsEntry("unchanged", 1);
        }
    }

    /** The tagged rows' versions summed, {@code column} like {@code pattern}. */
    /**
     * An import whose rows all met their records and changed none of them: nothing new or updated, every row
     * counted unchanged with its notice ({@code notices}, in row order).
     */
    private static void allUnchanged(Map result, boolean dryRun, String... notices) {
        assertThat(result)
                .as("dry run %s", dryRun)
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("created", 0)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", notices.length);
        assertThat(ImportsApi.listed(result, "notices"))
                .as("dry run %s", dryRun)
                .containsExactly(notices);
    }

    private long versionsOf(String table, String column, String pattern) {
        return jdbc.queryForObject(
                "select sum(version) from " + table + " where " + column + " like ?", Long.class, pattern);
    }

    /** The account's timeline lines telling what a file of contacts, interactions or commitments brought it. */
    private long timelineLines(long account) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where action = 'account.records-imported' and account_id = ?",
                Long.class,
                account);
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
