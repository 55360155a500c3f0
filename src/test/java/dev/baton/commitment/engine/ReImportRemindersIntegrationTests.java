package dev.baton.commitment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.imports.ImportsApi;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.TimeZones;
import dev.baton.support.Mails;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A re-import giving an accepted commitment inside its "due soon" window back an owner or a due date it had before,
 * whose reminder went out then, end to end: the import's report, the commitment's process (started by the sweep,
 * told of each change) and what the mail server receives. The report says the owner was mailed that reminder and no
 * new one goes, and none does, as the reminder goes once per owner and due date ({@code CommitmentMails.reminderKey});
 * a new owner or date in between is reminded at once, as its notice says. Until session 39 only the delivering team's
 * case (ImportReportWordsIntegrationTests) was tested, and only the report's words.
 */
class ReImportRemindersIntegrationTests extends EngineIntegrationTest {

    @Autowired
    CommitmentProcessStarter starter;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeZones zones;

    String tag;
    String accountName;
    ZoneId robs;

    @BeforeEach
    void ownAccount() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        accountName = "Reminded " + tag;
        assertThat(ImportsApi.finished(
                        admin(),
                        ImportsApi.start(
                                admin(),
                                "ACCOUNTS",
                                false,
                                "external_id,name,owner\nRA-" + tag + "," + accountName + ",rob\n")))
                .containsEntry("status", "SUCCEEDED");
        robs = zoneOf("rob");
    }

    @Test
    void anOwnerGivenBackAfterTheirReminderIsToldTheyHadItAndIsNotRemindedAgain() {
        LocalDate due = LocalDate.now(robs).plusDays(1);
        long id = importedAndStarted(due, "rob");
        assertThat(remindersTo("rob")).hasSize(1);

        // given to rita: her reminder for the date goes at once
        assertThat(dueSoonNotices(reImport(false, due, "rita")))
                .containsExactly("2 owner: gives it to " + fullName("rita") + ", and the commitment is still ACCEPTED"
                        + " and due " + due + ", so due soon: " + reminderTime(due, "rita")
                        + ", so once imported its process (told of the change, or started at the next commitment"
                        + " sweep) mails the \"due soon\" reminder at once to " + fullName("rita") + ", the owner");
        awaitRemindersSent(id, 2);
        assertThat(remindersTo("rita")).hasSize(1);

        // given back to rob, who had the reminder for this date: said, and none goes again
        String told = "2 owner: gives it to " + fullName("rob") + ", and the commitment is still ACCEPTED and due "
                + due + ", so due soon: " + reminderTime(due, "rob") + ", but " + fullName("rob") + ", the owner,"
                + " was mailed the \"due soon\" reminder for this due date at " + sentAt(id, "rob", due)
                + ", and it goes once per owner and due date: no new reminder is mailed";
        assertThat(dueSoonNotices(reImport(true, due, "rob"))).containsExactly(told);
        assertThat(dueSoonNotices(reImport(false, due, "rob"))).containsExactly(told);
        awaitRemindersSent(id, 3);
        assertThat(ownerOf(id)).isEqualTo("rob");
        assertThat(remindersTo("rob")).hasSize(1);
        assertThat(remindersTo("rita")).hasSize(1);
    }

    @Test
    void aDueDateGivenBackAfterItsReminderIsToldItWasMailedAndIsNotRemindedAgain() {
        LocalDate first = LocalDate.now(robs).plusDays(1);
        LocalDate second = first.plusDays(1);
        long id = importedAndStarted(first, "rob");
        assertThat(remindersTo("rob")).containsExactly(reminderSubject(first));

        // moved a day later, still due soon: the new date's reminder goes at once
        assertThat(dueSoonNotices(reImport(false, second, "rob")))
                .containsExactly("2 due_date: moves the due date to " + second + ", and the commitment is still"
                        + " ACCEPTED, so due soon: " + reminderTime(second, "rob") + ", so once imported its process"
                        + " (told of the change, or started at the next commitment sweep) mails the \"due soon\""
                        + " reminder at once to " + fullName("rob") + ", the owner");
        awaitRemindersSent(id, 2);
        assertThat(remindersTo("rob")).containsExactlyInAnyOrder(reminderSubject(first), reminderSubject(second));

        // moved back to the first date, whose reminder rob had: said, and none goes again
        String told = "2 due_date: moves the due date to " + first + ", and the commitment is still ACCEPTED, so due"
                + " soon: " + reminderTime(first, "rob") + ", but " + fullName("rob") + ", the owner, was mailed the"
                + " \"due soon\" reminder for this due date at " + sentAt(id, "rob", first)
                + ", and it goes once per owner and due date: no new reminder is mailed";
        assertThat(dueSoonNotices(reImport(true, first, "rob"))).containsExactly(told);
        assertThat(dueSoonNotices(reImport(false, first, "rob"))).containsExactly(told);
        awaitRemindersSent(id, 3);
        assertThat(jdbc.queryForObject("select due_date from commitment where id = ?", LocalDate.class, id))
                .isEqualTo(first);
        assertThat(remindersTo("rob")).containsExactlyInAnyOrder(reminderSubject(first), reminderSubject(second));
    }

    /** Imports the commitment, has the sweep start its process, and waits for its reminder to be mailed. */
    private long importedAndStarted(LocalDate due, String owner) {
        assertThat(reImport(false, due, owner)).containsEntry("created", 1);
        long id = jdbc.queryForObject(
                "select id from commitment where external_source = 'BATON' and external_id = ?",
                Long.class,
                "R1-" + tag);
        // the sweep starts the processes of commitments recorded over a minute ago
        jdbc.update("update commitment set created_at = created_at - interval '2 minutes' where id = ?", id);
        starter.sweep(jdbc.queryForObject("select account_id from commitment where id = ?", Long.class, id));
        awaitRemindersSent(id, 1);
        return id;
    }

    private Map reImport(boolean dryRun, LocalDate due, String owner) {
        return ImportsApi.finished(
                admin(),
                ImportsApi.start(
                        admin(),
                        "COMMITMENTS",
                        dryRun,
                        "external_id,account,description,made_by,due_date,owner,status\nR1-" + tag + ",RA-" + tag
                                + ",Quarterly review,maria," + due + "," + owner + ",ACCEPTED\n"));
    }

    private static List<String> dueSoonNotices(Map result) {
        return ImportsApi.listed(result, "notices").stream()
                .filter(n -> n.contains("due soon"))
                .toList();
    }

    /**
     * Waits until the commitment's process has run its "Send reminder" step {@code times} times in all (once per
     * start of its delivery step inside the window: the sweep's, then each re-import's), then sends what is queued.
     */
    private void awaitRemindersSent(long id, int times) {
        await().atMost(WAIT).until(() -> {
            Long instance =
                    jdbc.queryForObject("select process_instance_key from commitment where id = ?", Long.class, id);
            return instance != null
                    && StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
                                    .filter(r -> r.getValue().getProcessInstanceKey() == instance
                                            && r.getValue().getElementId().equals(CommitmentBpmn.TASK_SEND_REMINDER)
                                            && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                                    .count()
                            >= times;
        });
        dispatcher.dispatch();
    }

    /** The subjects of the "due soon" reminders about this test's account the mail server has for {@code username}. */
    private List<String> remindersTo(String username) {
        return Mails.to(greenMail, email(username)).stream()
                .map(Mails::subject)
                .filter(s -> s.startsWith("Reminder") && s.endsWith(" · " + accountName))
                .toList();
    }

    private String reminderSubject(LocalDate due) {
        return "Reminder: commitment \"Quarterly review\" due "
                + due.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)) + " · " + accountName;
    }

    /** The defaults (baton.commitments.*): 3 days before, at 09:00 where the owner is. */
    private String reminderTime(LocalDate due, String owner) {
        return "its reminder time, 09:00 on " + due.minusDays(3) + " ("
                + zoneOf(owner).getId() + ", where the owner is), 3 days before, has passed";
    }

    /** When the owner's reminder for the date went out, as the report says it: "08:15 on 2026-12-05 (Europe/Berlin)". */
    private String sentAt(long id, String owner, LocalDate due) {
        Timestamp sent = jdbc.queryForObject(
                "select sent_at from outbox_message where dedup_key = ? and status = 'SENT'",
                Timestamp.class,
                "commitment-reminder:" + id + ":" + personId(owner) + ":" + due);
        ZonedDateTime at = sent.toInstant().atZone(zoneOf(owner));
        return at.toLocalTime().truncatedTo(ChronoUnit.MINUTES) + " on " + at.toLocalDate() + " ("
                + zoneOf(owner).getId() + ")";
    }

    private String ownerOf(long id) {
        return jdbc.queryForObject(
                "select p.username from commitment c join person p on p.id = c.owner_id where c.id = ?",
                String.class,
                id);
    }

    private ZoneId zoneOf(String username) {
        return zones.ofStored(
                jdbc.queryForObject("select time_zone from person where username = ?", String.class, username));
    }

    private String fullName(String username) {
        return jdbc.queryForObject("select full_name from person where username = ?", String.class, username);
    }

    private String email(String username) {
        return jdbc.queryForObject("select email from person where username = ?", String.class, username);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("ada", "demo");
    }
}
