package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.people.PeopleService;
import dev.baton.people.Role;
import dev.baton.shared.AdvisoryLocks;
import dev.baton.support.SignedIn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * People files through the real API (dry run and real import), on the rules a people row is held to
 * by the people as the whole file leaves them, and on what the import tells about each row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class PeopleImportIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PeopleService peopleService;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AdvisoryLocks locks;

    /**
     * Found by a probe: a dry run held the lock on changes to people for its whole file (21 s for 5,000
     * rows), though it writes nothing. Here the lock is held elsewhere while a dry run runs: it finishes.
     */
    @Test
    void aDryRunWaitsForNoChangeToPeopleUnderWay() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> tx.executeWithoutResult(status -> {
            locks.hold(AdvisoryLocks.Subject.PEOPLE_AND_HANDOVERS);
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        held.await();
        try {
            Map result =
                    finished(start(true, "email,full_name\ndry-" + UUID.randomUUID() + "@baton.example,Dry Run\n"));

            assertThat(result).containsEntry("status", "SUCCEEDED").containsEntry("created", 1);
        } finally {
            release.countDown();
            holder.join();
        }
    }

    /** Found by a probe: a person named system acted as Baton in the audit trail and over the runs it started. */
    @Test
    void nobodyIsImportedUnderTheNameBatonRecordsItsOwnActionsUnder() {
        long before = jdbc.queryForObject("select count(*) from person", Long.class);

        Map given = finished(
                start(false, "email,full_name,username\nsys-" + UUID.randomUUID() + "@baton.example,Sys Tem,system\n"));
        Map derived = finished(start(false, "email,full_name\nsystem@elsewhere.example,Sys Tem\n"));

        assertThat(given).containsEntry("status", "FAILED");
        assertThat(rowErrors(given))
                .containsExactly(
                        "2 username: 'system' is the name Baton records its own actions under: choose another");
        assertThat(derived).containsEntry("status", "FAILED");
        assertThat(rowErrors(derived))
                .containsExactly("2 email: gives no username: the e-mail address's local part ('system') is the name"
                        + " Baton records its own actions under; fill in username");
        assertThat(jdbc.queryForObject("select count(*) from person", Long.class))
                .isEqualTo(before);
    }

    @Test
    void aRowReactivatingSomeoneWhoseManagerStaysInactiveIsRefusedAtActiveAndWritesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mona = "mona-" + tag;
        String zed = "zed-" + tag;
        long monaId = newPerson(mona, Role.MANAGER, null);
        peopleService.deactivate(newPerson(zed, Role.REP, monaId));
        peopleService.deactivate(monaId);
        String why = "2 active: New " + zed + "'s manager New " + mona + " is inactive and cannot manage anyone:"
                + " reactivate them too, or give New " + zed + " another manager first";
        // the file has no row for the manager, or one that leaves them inactive
        Map<String, String> files = Map.of(
                "email,full_name,active\n" + zed + "@baton.example,Zed Back,true\n",
                why,
                "email,full_name,active\n" + zed + "@baton.example,Zed Back,yes\n" + mona
                        + "@baton.example,Mona Gone,false\n",
                why);

        files.forEach((csv, error) -> {
            for (boolean dryRun : new boolean[] {true, false}) {
                Map result = finished(start(dryRun, csv));

                assertThat(result).as("%s dry run %s", csv, dryRun).containsEntry("status", "FAILED");
                assertThat(rowErrors(result)).as(csv).containsExactly(error);
            }
        });
        assertThat(people(mona, zed)).containsExactly("New " + mona + "|false", "New " + zed + "|false");

        // reactivated in the same file, the manager may manage them again
        String both = "email,full_name,active\n" + zed + "@baton.example,Zed Back,true\n" + mona
                + "@baton.example,Mona Back,true\n";
        assertThat(finished(start(false, both)))
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("errorCount", 0);
        assertThat(people(mona, zed)).containsExactly("Mona Back|true", "Zed Back|true");
    }

    @Test
    void aRowReactivatingSomeoneWhoseManagerIsNoLongerAManagerIsRefusedAtActiveUnlessTheFileMakesThemOne() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mona = "mona-" + tag;
        String zed = "zed-" + tag;
        long monaId = newPerson(mona, Role.MANAGER, null);
        peopleService.deactivate(newPerson(zed, Role.REP, monaId));
        String demote = "email,full_name,roles\n" + mona + "@baton.example,Mona Rep,REP\n";
        assertThat(finished(start(false, demote))).containsEntry("status", "SUCCEEDED");
        String back = zed + "@baton.example,Zed Back,REP,true\n";

        for (boolean dryRun : new boolean[] {true, false}) {
            Map result = finished(start(dryRun, "email,full_name,roles,active\n" + back));

            assertThat(result).as("dry run %s", dryRun).containsEntry("status", "FAILED");
            assertThat(rowErrors(result))
                    .containsExactly("2 active: New " + zed + "'s manager Mona Rep"
                            + " is not a manager: give them the MANAGER role first");
        }
        assertThat(people(zed)).containsExactly("New " + zed + "|false");

        String promoted = "email,full_name,roles,active\n" + back + mona + "@baton.example,Mona Manager,MANAGER,true\n";
        assertThat(finished(start(false, promoted))).containsEntry("status", "SUCCEEDED");
        assertThat(people(mona, zed)).containsExactly("Mona Manager|true", "Zed Back|true");
    }

    @Test
    void aRowDeactivatingAManagerWhoseActiveReportIsNotInTheFileIsRefusedAtActive() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mona = "mona-" + tag;
        String zed = "zed-" + tag;
        newPerson(zed, Role.REP, newPerson(mona, Role.MANAGER, null));
        String csv = "email,full_name,active\n" + mona + "@baton.example,Mona Leaves,false\n";

        for (boolean dryRun : new boolean[] {true, false}) {
            Map result = finished(start(dryRun, csv));

            assertThat(result).as("dry run %s", dryRun).containsEntry("status", "FAILED");
            assertThat(rowErrors(result))
                    .containsExactly(
                            "2 active: New " + mona + " still manages 1 active person and cannot be deactivated:"
                                    + " give them another manager first");
        }
        assertThat(people(mona, zed)).containsExactly("New " + mona + "|true", "New " + zed + "|true");
    }

    @Test
    void aRowForSomeoneInBatonSaysWhomItUpdatesAndThatAUsernameCellDoesNotChangeTheirs() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String uma = "uma-" + tag;
        String vic = "vic-" + tag;
        newPerson(uma, Role.REP, null);
        newPerson(vic, Role.REP, null);
        // a username that nobody has, and one that is none at all: neither is written for someone in Baton
        String csv = "email,username,full_name\n" + uma + "@baton.example,uma-new-" + tag + ",Uma Renamed\n" + vic
                + "@baton.example,Vic Upper,Vic Renamed\n";

        for (boolean dryRun : new boolean[] {true, false}) {
            Map result = finished(start(dryRun, csv));

            assertThat(result)
                    .as("dry run %s: %s", dryRun, result.get("errors"))
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("errorCount", 0)
                    .containsEntry("updated", 2);
            assertThat(rows((List<Map>) result.get("notices")))
                    .as("dry run %s: as the file reads, email before username", dryRun)
                    .containsExactly(
                            "2 email: already in Baton: updates New " + uma + " (" + uma + "), matched by e-mail",
                            "2 username: differs from New " + uma + "'s username, which stays " + uma
                                    + ": a username is set for new people only",
                            "3 email: already in Baton: updates New " + vic + " (" + vic + "), matched by e-mail",
                            "3 username: differs from New " + vic + "'s username, which stays " + vic
                                    + ": a username is set for new people only");
        }
        assertThat(people(uma, vic)).containsExactly("Uma Renamed|true", "Vic Renamed|true");
    }

    @Test
    void aUsernameCellNamingAnotherPersonInARowForSomeoneInBatonIsAnErrorNamingBoth() {
        String uma = "uma-" + UUID.randomUUID().toString().substring(0, 8);
        newPerson(uma, Role.REP, null);
        String csv = "email,username,full_name\n" + uma + "@baton.example,rob,Uma Renamed\n";

        for (boolean dryRun : new boolean[] {true, false}) {
            Map result = finished(start(dryRun, csv));

            assertThat(result).as("dry run %s", dryRun).containsEntry("status", "FAILED");
            assertThat(rowErrors(result))
                    .containsExactly("2 username: is the username of Rob Jansen (rob@baton.example), but the e-mail"
                            + " address is New " + uma + "'s (" + uma + "): correct the e-mail address or the"
                            + " username");
        }
        assertThat(people(uma)).containsExactly("New " + uma + "|true");
    }

    @Test
    void aBadEmailInAFileWithoutUsernamesIsAnErrorAtEmailOnly() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "email,full_name\nJane Doe <jane-" + tag + "@x.example>,Jane Doe\n,Nobody\no+brien-" + tag
                + "@baton.example,Pat O'Brien\n";

        for (boolean dryRun : new boolean[] {true, false}) {
            Map result = finished(start(dryRun, csv));

            assertThat(result).as("dry run %s", dryRun).containsEntry("status", "FAILED");
            assertThat(rowErrors(result))
                    .as("dry run %s", dryRun)
                    .containsExactly(
                            "2 email: is not an e-mail address",
                            "3 email: is required",
                            "4 email: gives no username: the row has no username, so the username would be the"
                                    + " e-mail address's local part ('o+brien-" + tag + "'), which must be lower-case"
                                    + " letters, digits, '.', '_' or '-' (at most 60); fill in username");
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from person where email like ?", Integer.class, "%" + tag + "%"))
                .isZero();
    }

    /**
     * Found by a probe: a username made from the e-mail address (the file has no username column) that is taken,
     * or repeats another row's, was an error at "username", a column the file does not have.
     */
    @Test
    void aUsernameMadeFromTheEmailThatIsTakenOrRepeatedIsAnErrorAtTheEmailSayingSoInTheApiAndOnThePage() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ana = "ana-" + tag;
        String sam = "sam-" + tag;
        newPerson(ana, Role.REP, null);
        String csv = "email,full_name\n" + ana + "@other.example,Ana Other\n" + sam + "@a.example,Sam A\n" + sam
                + "@b.example,Sam B\n";
        List<String> expected = List.of(
                "2 email=" + ana + "@other.example: the username '" + ana + "' made from the e-mail " + ana
                        + "@other.example is taken by New " + ana + " (" + ana + "@baton.example): fill in username",
                "4 email=" + sam + "@b.example: the username '" + sam + "' made from the e-mail " + sam
                        + "@b.example repeats the username of row 3: fill in username");

        for (boolean dryRun : new boolean[] {true, false}) {
            long id = start(dryRun, csv);
            Map result = finished(id);

            assertThat(result).as("dry run %s", dryRun).containsEntry("status", "FAILED");
            assertThat((List<Map>) result.get("errors"))
                    .as("dry run %s", dryRun)
                    .extracting(
                            e -> e.get("row") + " " + e.get("column") + "=" + e.get("value") + ": " + e.get("problem"))
                    .containsExactlyElementsOf(expected);
            String page = HtmlUtils.htmlUnescape(SignedIn.as(http, "ada").getForObject("/imports/" + id, String.class));
            assertThat(page)
                    .contains("<td>4</td><td>email</td><td>" + sam + "@b.example</td><td>the username '" + sam
                            + "' made from the e-mail " + sam + "@b.example")
                    .doesNotContain("<td>username</td>");
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from person where email in (?, ?, ?)",
                        Integer.class,
                        ana + "@other.example",
                        sam + "@a.example",
                        sam + "@b.example"))
                .isZero();
    }

    /**
     * Found by probe 40: the people import had no manager column, so a rep imported into a team reported to
     * nobody, was in no manager's line and could be no successor. The manager may be in Baton already or come
     * later in the file, a chunk later too (1,000 rows).
     */
    @Test
    void aManagerColumnGivesEachPersonTheManagerItNamesWhateverTheRowOrder() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String boss = "boss-" + tag;
        newPerson(boss, Role.MANAGER, null);
        StringBuilder csv = new StringBuilder("email,full_name,roles,active,manager\n")
                // the lead's row comes after 1,000 others: another chunk
                .append("rep1-" + tag + "@x.example,Rep One,REP,,LEAD-" + tag + "\n")
                .append("rep2-" + tag + "@x.example,Rep Two,REP,," + boss + "@BATON.example\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("filler-" + i + "-" + tag + "@x.example,Filler " + i + ",REP,false,\n");
        }
        csv.append("lead-" + tag + "@x.example,Lead Tag,MANAGER,," + boss + "\n");

        for (boolean dryRun : new boolean[] {true, false}) {
            Map result = finished(start(dryRun, csv.toString()));

            assertThat(rowErrors(result)).as("dry run %s", dryRun).isEmpty();
            assertThat(result).as("dry run %s", dryRun).containsEntry("status", "SUCCEEDED");
        }
        assertThat(managerOf("rep1-" + tag)).isEqualTo("lead-" + tag);
        assertThat(managerOf("rep2-" + tag)).isEqualTo(boss);
        assertThat(managerOf("lead-" + tag)).isEqualTo(boss);
        assertThat(peopleService.lineOf(boss))
                .as("the reps are in the boss's line now, through the lead too")
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "select id from person where username in (?, ?, ?)",
                        Long.class,
                        "rep1-" + tag,
                        "rep2-" + tag,
                        "lead-" + tag));

        // a blank cell takes the manager away, as the API's null; a file without the column keeps them
        assertThat(finished(start(false, "email,full_name,manager\nrep2-" + tag + "@x.example,Rep Two,\n")))
                .containsEntry("status", "SUCCEEDED");
        assertThat(finished(start(false, "email,full_name\nrep1-" + tag + "@x.example,Rep One\n")))
                .containsEntry("status", "SUCCEEDED");
        assertThat(managerOf("rep2-" + tag)).isNull();
        assertThat(managerOf("rep1-" + tag)).isEqualTo("lead-" + tag);
    }

    @Test
    void aManagerNobodyHasOneselfAReportingLoopOrSomeoneWhoMayNotManageIsAnErrorAtManager() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String boss = "boss-" + tag;
        long bossId = newPerson(boss, Role.MANAGER, null);
        String under = "under-" + tag;
        newPerson(under, Role.MANAGER, bossId);
        String csv = "email,full_name,roles,manager\n"
                + "a-" + tag + "@x.example,Ann A,REP,nobody-" + tag + "\n"
                + "b-" + tag + "@x.example,Bea B,MANAGER,b-" + tag + "@x.example\n"
                + "c-" + tag + "@x.example,Cy C,MANAGER,d-" + tag + "\n"
                + "d-" + tag + "@x.example,Di D,MANAGER,c-" + tag + "@x.example\n"
                + "e-" + tag + "@x.example,Ed E,REP,f-" + tag + "\n"
                + "f-" + tag + "@x.example,Flo F,REP,\n"
                // the boss, in Baton, would report to someone who reports to them
                + boss + "@baton.example,New " + boss + ",MANAGER," + under + "\n";

        for (boolean dryRun : new boolean[] {true, false}) {
            Map result = finished(start(dryRun, csv));

            assertThat(result).as("dry run %s", dryRun).containsEntry("status", "FAILED");
            assertThat(rowErrors(result))
                    .as("dry run %s", dryRun)
                    .containsExactly(
                            "2 manager: no person has this username or e-mail address, in Baton or in another row of"
                                    + " this file that can be imported: correct it, or add the manager's row",
                            "3 manager: names Bea B themselves: nobody can be their own manager",
                            "4 manager: Cy C cannot report to Di D: that would make a reporting loop (Di D reports"
                                    + " to Cy C)",
                            "5 manager: Di D cannot report to Cy C: that would make a reporting loop (Cy C reports"
                                    + " to Di D)",
                            "6 manager: Flo F is not a manager: give them the MANAGER role first",
                            "8 manager: New " + boss + " cannot report to New " + under + ": that would make a"
                                    + " reporting loop (New " + under + " reports to New " + boss + ")");
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from person where email like ?", Integer.class, "%-" + tag + "@x.example"))
                .isZero();
        assertThat(managerOf(boss)).isNull();
    }

    /** The username of the person's manager, or null. */
    private String managerOf(String username) {
        return jdbc.queryForObject(
                "select m.username from person p left join person m on m.id = p.manager_id where p.username = ?",
                String.class,
                username);
    }

    private long newPerson(String username, Role role, Long managerId) {
        return ImportsApi.newPerson(peopleService, username, role, managerId);
    }

    /** full name|active, by username, in the order asked. */
    private List<String> people(String... usernames) {
        return java.util.Arrays.stream(usernames)
                .map(u -> jdbc.queryForObject(
                        "select full_name || '|' || active from person where username = ?", String.class, u))
                .toList();
    }

    private static List<String> rowErrors(Map result) {
        return rows((List<Map>) result.get("errors"));
    }

    /** Each error or notice as "row column: problem". */
    private static List<String> rows(List<Map> errors) {
        return errors.stream()
                .map(e -> e.get("row") + " " + e.get("column") + ": " + e.get("problem"))
                .toList();
    }

    /** ada uploads a people file of Baton's own template; the import's id. */
    private long start(boolean dryRun, String csv) {
        return ImportsApi.startPeople(http.withBasicAuth("ada", "demo"), dryRun, csv);
    }

    private Map finished(long id) {
        return ImportsApi.finished(http.withBasicAuth("ada", "demo"), id);
    }
}
