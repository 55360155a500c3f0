package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.commitment.CommitmentProcessSteps;
import dev.baton.people.TimeZones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Found by session 35's probe of the imports: what a report says of a row. An unknown person was "correct the
 * owner" in a column named {@code by}, a contact of another account named neither account, a teams file's
 * notice stood at a column it does not have, and an open commitment long past its due date was imported
 * without a word, though its managers were mailed "Overdue commitment" minutes later. Through the API, on the
 * real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportReportWordsIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeZones zones;

    @Autowired
    CommitmentProcessSteps steps;

    @Test
    void anUnknownPersonIsToldAtTheColumnTheRowHasAndAContactOfAnotherAccountNamesBothAccounts() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start(
                        "ACCOUNTS",
                        false,
                        "external_id,name,owner\nA1-" + tag + ",First " + tag + ",rob\nA2-" + tag + ",Second " + tag
                                + ",rob\n")))
                .containsEntry("status", "SUCCEEDED");
        assertThat(finished(start(
                        "CONTACTS",
                        false,
                        "external_id,account,full_name\nC1-" + tag + ",A1-" + tag + ",Carla Contact\n")))
                .containsEntry("status", "SUCCEEDED");

        Map interactions = finished(start(
                "INTERACTIONS",
                true,
                "external_id,account,kind,summary,by,occurred_at,contact\n" + "I1-" + tag + ",A2-" + tag
                        + ",CALL,Probe call,nobody,2026-11-01 10:00,C1-" + tag + "\n"));
        Map commitments = finished(start(
                "COMMITMENTS",
                true,
                "external_id,account,description,made_by,due_date,owner\n" + "K1-" + tag + ",A1-" + tag
                        + ",A promise,nobody,2027-02-01,ghost\n"));

        assertThat(rowErrors(interactions))
                .containsExactly(
                        "2 by: no person in Baton has this e-mail or name: import people first, or correct the by"
                                + " column",
                        "2 contact: belongs to another account: it is the contact Carla Contact at First " + tag
                                + ", and the row names the account Second " + tag);
        assertThat(rowErrors(commitments))
                .containsExactly(
                        "2 made_by: no person in Baton has this e-mail or name: import people first, or correct the"
                                + " made_by column",
                        "2 owner: no person in Baton has this e-mail or name: import people first, or correct the"
                                + " owner column");
    }

    /**
     * A teams row for a team Baton has is told at the key column, naming the team, and by where it came from:
     * session 36's probe got "already imported: updates the team sales-emea" of a team the demo data had made.
     * Only a team an import made is "already imported"; one seeded or made through the API is "already in Baton".
     */
    @Test
    void aTeamsRowForATeamBatonHasIsToldAtTheKeyColumnByWhereTheTeamCameFrom() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start("TEAMS", false, "key,name\nimp-" + tag + ",Imported " + tag + "\n")))
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("created", 1);
        assertThat(http.withBasicAuth("ada", "demo")
                        .postForEntity("/api/teams", Map.of("key", "api-" + tag, "name", "Made " + tag), Map.class)
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        String seeded = jdbc.queryForObject("select name from team where key = 'sales-emea'", String.class);

        Map teams = finished(start(
                "TEAMS",
                true,
                "key,name\nsales-emea,Sales Europe " + tag + "\nimp-" + tag + ",Imported again\napi-" + tag
                        + ",Made again\n"));

        assertThat(teams).containsEntry("status", "SUCCEEDED").containsEntry("updated", 3);
        assertThat(notices(teams))
                .containsExactly(
                        "2 key: already in Baton: updates the team " + seeded + ", matched by key",
                        "3 key: already imported: updates the team Imported " + tag,
                        "4 key: already in Baton: updates the team Made " + tag + ", matched by key");
    }

    /**
     * An open commitment whose due day has ended gets its process at the next commitment sweep, and the process
     * escalates it at once (its due-date timer is already past): the report says so on the row, in a dry run and
     * in the real import, naming whom the escalation goes to. Delivered, future and re-imported rows get no
     * such notice.
     */
    @Test
    void aNewOpenCommitmentAlreadyOverdueIsToldThatItsEscalationGoesOutAtOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start(
                        "ACCOUNTS", false, "external_id,name,owner\nKA-" + tag + ",Old Promises " + tag + ",rob\n")))
                .containsEntry("status", "SUCCEEDED");
        String csv = "external_id,account,description,made_by,due_date,owner,status\n"
                + "K1-" + tag + ",KA-" + tag + ",Old promise one,rob,2024-06-01,rob,PROPOSED\n"
                + "K2-" + tag + ",KA-" + tag + ",Old promise two,ada,2025-01-15,maria,ACCEPTED\n"
                + "K3-" + tag + ",KA-" + tag + ",Old delivered,rob,2025-02-01,rob,DELIVERED\n"
                + "K4-" + tag + ",KA-" + tag + ",Future promise,rob,2070-01-01,rob,ACCEPTED\n";
        String maria = fullName("maria");
        String ada = fullName("ada");
        List<String> overdue = List.of(
                "2 due_date: due 2024-06-01 and still PROPOSED, so already overdue: once imported, its process starts"
                        + " at the next commitment sweep (within minutes) and escalates it at once, an \"Overdue"
                        + " commitment\" mail and a Decide overdue commitment task (a new date, another owner, or"
                        + " breached) for " + maria + ", the owner's manager (if the promise is history, import it"
                        + " with the status it ended in)",
                "3 due_date: due 2025-01-15 and still ACCEPTED, so already overdue: once imported, its process starts"
                        + " at the next commitment sweep (within minutes) and escalates it at once, an \"Overdue"
                        + " commitment\" mail and a Decide overdue commitment task (a new date, another owner, or"
                        + " breached) for " + ada
                        + ", whoever made it (neither they nor the owner has an active manager)"
                        + " (if the promise is history, import it with the status it ended in)");

        Map dry = finished(start("COMMITMENTS", true, csv));
        Map real = finished(start("COMMITMENTS", false, csv));
        Map again = finished(start("COMMITMENTS", false, csv));

        assertThat(dry).containsEntry("status", "SUCCEEDED");
        assertThat(notices(dry)).containsExactlyElementsOf(overdue);
        assertThat(real).containsEntry("status", "SUCCEEDED").containsEntry("created", 4);
        assertThat(notices(real)).containsExactlyElementsOf(overdue);
        assertThat(again).containsEntry("updated", 0).containsEntry("unchanged", 4);
        assertThat(notices(again))
                .as("a commitment Baton has already has its process: the import starts none")
                .noneMatch(n -> n.contains("overdue"));

        // session 36's probe: a re-import moving a due date into the past escalated at once, unsaid
        String moved = csv.replace("2070-01-01", "2024-07-01").replace("2025-02-01", "2024-07-01");
        Map movedDry = finished(start("COMMITMENTS", true, moved));
        assertThat(notices(movedDry))
                .filteredOn(n -> n.contains("overdue"))
                .containsExactly("5 due_date: moves the due date to 2024-07-01, already past, and the commitment is"
                        + " still ACCEPTED: once imported, its process (told of the change, or started at the next"
                        + " commitment sweep) escalates it at once, an \"Overdue commitment\" mail and a Decide overdue"
                        + " commitment task for " + maria + ", the owner's manager");
    }

    /**
     * An accepted commitment imported inside its "due soon" window gets its process at the next sweep, and the
     * process mails its owner the reminder at once (its reminder timer, the configured days before at the
     * configured hour where the owner is, is past): the report says so on the row, in a dry run and in the real
     * import, naming the owner and the reminder time (session 36's probe: nothing was said). A proposed one (the
     * accept step sends no reminder), one whose reminder time is still to come, and one imported again unchanged
     * get no such notice; a re-import giving it a new date or owner inside the window does, for the new one.
     */
    @Test
    void anAcceptedCommitmentImportedInsideItsDueSoonWindowIsToldThatItsOwnerIsRemindedAtOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start(
                        "ACCOUNTS", false, "external_id,name,owner\nSA-" + tag + ",Soon Promises " + tag + ",rob\n")))
                .containsEntry("status", "SUCCEEDED");
        ZoneId robs = zones.ofStored(
                jdbc.queryForObject("select time_zone from person where username = 'rob'", String.class));
        LocalDate tomorrow = LocalDate.now(robs).plusDays(1);
        String csv = "external_id,account,description,made_by,due_date,owner,status\n"
                + "S1-" + tag + ",SA-" + tag + ",Soon promise,maria," + tomorrow + ",rob,ACCEPTED\n"
                + "S2-" + tag + ",SA-" + tag + ",Soon proposal,maria," + tomorrow + ",rob,PROPOSED\n"
                + "S3-" + tag + ",SA-" + tag + ",Later promise,maria," + tomorrow.plusDays(30) + ",rob,ACCEPTED\n";
        String rob = fullName("rob");
        // the rule's defaults (baton.commitments.*): 3 days before, at 09:00 where the owner is
        String reminderTime = "its reminder time, 09:00 on " + tomorrow.minusDays(3) + " (" + robs.getId()
                + ", where the owner is), 3 days before, has passed";
        String dueSoon = "2 due_date: due " + tomorrow + " and ACCEPTED, so due soon: " + reminderTime
                + ", so once imported its process starts at the next commitment sweep (within minutes) and mails the"
                + " \"due soon\" reminder at once to " + rob + ", the owner (if the promise is delivered already,"
                + " import it with the status it is in)";

        Map dry = finished(start("COMMITMENTS", true, csv));
        Map real = finished(start("COMMITMENTS", false, csv));
        Map again = finished(start("COMMITMENTS", false, csv));

        assertThat(dry).containsEntry("status", "SUCCEEDED");
        assertThat(notices(dry)).containsExactly(dueSoon);
        assertThat(real).containsEntry("status", "SUCCEEDED").containsEntry("created", 3);
        assertThat(notices(real)).containsExactly(dueSoon);
        assertThat(notices(again))
                .as("unchanged, it was reminded (or will be) without this import")
                .noneMatch(n -> n.contains("due soon"));

        // the rule the notice tells is the process's: its reminder step, run now, mails the owner named
        long soon = jdbc.queryForObject(
                "select id from commitment where external_source = 'BATON' and external_id = ?",
                Long.class,
                "S1-" + tag);
        steps.remind(soon);
        assertThat(jdbc.queryForList(
                        "select o.to_address from outbox_message o where o.dedup_key like ?",
                        String.class,
                        "commitment-reminder:" + soon + ":%"))
                .containsExactly(jdbc.queryForObject("select email from person where username = 'rob'", String.class));

        String changed = csv.replace(
                        "Soon promise,maria," + tomorrow + ",rob", "Soon promise,maria," + tomorrow + ",rita")
                .replace(tomorrow.plusDays(30).toString(), tomorrow.toString());
        assertThat(notices(finished(start("COMMITMENTS", true, changed))))
                .filteredOn(n -> n.contains("due soon"))
                .containsExactly(
                        "2 owner: gives it to " + fullName("rita") + ", and the commitment is still ACCEPTED and due "
                                + tomorrow + ", so due soon: " + reminderTime.replace(robs.getId(), zoneOf("rita"))
                                + ", so once imported its process (told of the change, or started at the next"
                                + " commitment sweep) mails the \"due soon\" reminder at once to " + fullName("rita")
                                + ", the owner",
                        "4 due_date: moves the due date to " + tomorrow + ", and the commitment is still ACCEPTED, so"
                                + " due soon: " + reminderTime + ", so once imported its"
                                + " process (told of the change, or started at the next commitment sweep) mails the"
                                + " \"due soon\" reminder at once to " + rob + ", the owner");
    }

    /**
     * Session 39 left: a re-import moving a due date left the "due soon" reminder still queued for the old date,
     * which then went out naming it; a reschedule through the API withdraws it. The re-import does too, and
     * leaves the reminder of a commitment whose date it keeps.
     */
    @Test
    void aReImportMovingADueDateWithdrawsTheReminderStillQueuedForTheOldDate() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start(
                        "ACCOUNTS", false, "external_id,name,owner\nRA-" + tag + ",Moved Promises " + tag + ",rob\n")))
                .containsEntry("status", "SUCCEEDED");
        // tomorrow where rob is: the "due soon" reminder (days before, at 09:00 there) is due already
        LocalDate tomorrow = LocalDate.now(zones.ofStored(
                        jdbc.queryForObject("select time_zone from person where username = 'rob'", String.class)))
                .plusDays(1);
        String csv = "external_id,account,description,made_by,due_date,owner,status\n"
                + "R1-" + tag + ",RA-" + tag + ",Promise to move,maria," + tomorrow + ",rob,ACCEPTED\n"
                + "R2-" + tag + ",RA-" + tag + ",Promise to keep,maria," + tomorrow + ",rob,ACCEPTED\n";
        assertThat(finished(start("COMMITMENTS", false, csv))).containsEntry("created", 2);
        long moved = idOf("R1-" + tag);
        long kept = idOf("R2-" + tag);
        steps.remind(moved);
        steps.remind(kept);

        Map real = finished(start(
                "COMMITMENTS",
                false,
                csv.replace("Promise to move,maria," + tomorrow, "Promise to move,maria," + tomorrow.plusDays(20))));

        assertThat(real).containsEntry("status", "SUCCEEDED");
        assertThat(reminderStatuses(moved)).containsExactly("WITHDRAWN");
        assertThat(reminderStatuses(kept)).containsExactly("PENDING");
    }

    private long idOf(String externalId) {
        return jdbc.queryForObject(
                "select id from commitment where external_source = 'BATON' and external_id = ?",
                Long.class,
                externalId);
    }

    private java.util.List<String> reminderStatuses(long commitmentId) {
        return jdbc.queryForList(
                "select status from outbox_message where dedup_key like ?",
                String.class,
                "commitment-reminder:" + commitmentId + ":%");
    }

    /**
     * A re-import giving an accepted commitment only another delivering team, whose reminder days
     * ({@code baton.commitments.reminder-days-before-by-team}: {@code test-week-ahead} reminds 7 days before, the
     * tests' configuration) bring its "due soon" reminder time into the past where with the team it had (3 days) it
     * was still to come, is told so at {@code delivering_team}: its process, told of the change, mails the reminder
     * at once (CommitmentSweepIntegrationTests). Session 37's probe: nothing was said. A team whose reminder time is
     * still to come, or one whose time had passed with the old team too (reminded then, once per owner and date),
     * gets no such notice.
     */
    @Test
    void aReImportGivingAnAcceptedCommitmentATeamThatRemindsEarlierIsToldThatItsOwnerIsRemindedAtOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(finished(start("TEAMS", false, "key,name\ntest-week-ahead,Week Ahead\n")))
                .containsEntry("status", "SUCCEEDED");
        assertThat(finished(start(
                        "ACCOUNTS", false, "external_id,name,owner\nTA-" + tag + ",Team Promises " + tag + ",rob\n")))
                .containsEntry("status", "SUCCEEDED");
        ZoneId robs = zones.ofStored(
                jdbc.queryForObject("select time_zone from person where username = 'rob'", String.class));
        LocalDate inFive = LocalDate.now(robs).plusDays(5);
        String csv = "external_id,account,description,made_by,due_date,owner,status,delivering_team\n"
                + "T1-" + tag + ",TA-" + tag + ",Promise in five days,maria," + inFive + ",rob,ACCEPTED,\n"
                + "T2-" + tag + ",TA-" + tag + ",Later promise,maria," + inFive.plusDays(30) + ",rob,ACCEPTED,\n"
                + "T3-" + tag + ",TA-" + tag + ",Promise tomorrow,maria," + inFive.minusDays(4) + ",rob,ACCEPTED,\n";
        assertThat(finished(start("COMMITMENTS", false, csv))).containsEntry("created", 3);
        String moved = csv.replace("ACCEPTED,\n", "ACCEPTED,test-week-ahead\n");
        String told = "2 delivering_team: moves it to the delivering team Week Ahead, and the commitment is still"
                + " ACCEPTED and due " + inFive + ", so due soon: its reminder time, 09:00 on " + inFive.minusDays(7)
                + " (" + robs.getId() + ", where the owner is), 7 days before, has passed (with the team it had, it"
                + " was still to come), so once imported its process (told of the change, or started at the next"
                + " commitment sweep) mails the \"due soon\" reminder at once to " + fullName("rob") + ", the owner";

        Map dry = finished(start("COMMITMENTS", true, moved));
        Map real = finished(start("COMMITMENTS", false, moved));

        assertThat(notices(dry)).filteredOn(n -> n.contains("due soon")).containsExactly(told);
        assertThat(real).containsEntry("status", "SUCCEEDED").containsEntry("updated", 3);
        assertThat(notices(real)).filteredOn(n -> n.contains("due soon")).containsExactly(told);
        assertThat(jdbc.queryForObject(
                        "select t.key from commitment c join team t on t.id = c.delivering_team_id"
                                + " where c.external_source = 'BATON' and c.external_id = ?",
                        String.class,
                        "T1-" + tag))
                .isEqualTo("test-week-ahead");

        // session 38's probe: moved to the team again after the owner had the reminder for this date, the notice
        // promised a mail "at once" that the reminder's once-per-owner-and-due-date key kept from going
        long t1 = jdbc.queryForObject(
                "select id from commitment where external_source = 'BATON' and external_id = ?",
                Long.class,
                "T1-" + tag);
        steps.remind(t1);
        Instant sentAt = Instant.parse("2026-01-02T08:15:30Z");
        assertThat(jdbc.update(
                        "update outbox_message set status = 'SENT', sent_at = ? where dedup_key like ?",
                        java.sql.Timestamp.from(sentAt),
                        "commitment-reminder:" + t1 + ":%"))
                .as("the reminder the process mails, queued")
                .isEqualTo(1);
        assertThat(finished(start("COMMITMENTS", false, csv))).containsEntry("updated", 3);
        String sent = sentAt.atZone(robs).toLocalTime() + "";
        assertThat(notices(finished(start("COMMITMENTS", true, moved))))
                .filteredOn(n -> n.contains("due soon"))
                .containsExactly(told.substring(0, told.indexOf(", so once imported"))
                        + ", but " + fullName("rob") + ", the owner, was mailed the \"due soon\" reminder for this"
                        + " due date at " + sent.substring(0, 5) + " on "
                        + sentAt.atZone(robs).toLocalDate() + " ("
                        + robs.getId() + "), and it goes once per owner and due date: no new reminder is mailed");

        // one whose sending gave up for good is not "queued" (until session 39 it read so): an admin may send it again
        Instant queuedAt = Instant.parse("2026-01-02T07:05:00Z");
        jdbc.update(
                "update outbox_message set status = 'FAILED', sent_at = null, created_at = ? where dedup_key like ?",
                java.sql.Timestamp.from(queuedAt),
                "commitment-reminder:" + t1 + ":%");
        assertThat(notices(finished(start("COMMITMENTS", true, moved))))
                .filteredOn(n -> n.contains("due soon"))
                .containsExactly(told.substring(0, told.indexOf(", so once imported"))
                        + ", but the \"due soon\" reminder for this due date to " + fullName("rob") + ", the owner,"
                        + " queued at " + queuedAt.atZone(robs).toLocalTime() + " on "
                        + queuedAt.atZone(robs).toLocalDate() + " (" + robs.getId() + "), could not be sent (listed"
                        + " for admins at /admin/mail, who can send it again), and it goes once per owner and due"
                        + " date: no new reminder is mailed");
    }

    private String zoneOf(String username) {
        return zones.ofStored(
                        jdbc.queryForObject("select time_zone from person where username = ?", String.class, username))
                .getId();
    }

    private String fullName(String username) {
        return jdbc.queryForObject("select full_name from person where username = ?", String.class, username);
    }

    private long start(String kind, boolean dryRun, String csv) {
        return ImportsApi.start(http.withBasicAuth("ada", "demo"), kind, dryRun, csv);
    }

    private Map finished(long id) {
        return ImportsApi.finished(http.withBasicAuth("ada", "demo"), id);
    }

    private static List<String> rowErrors(Map result) {
        return ImportsApi.listed(result, "errors");
    }

    private static List<String> notices(Map result) {
        return ImportsApi.listed(result, "notices");
    }
}
