package dev.baton.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.shared.BadRequestException;
import dev.baton.support.SignedIn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The commitment process's timers where each owner is, around the 2027 daylight-saving changes (Los
 * Angeles 14 March, Berlin 28 March, Sydney 4 April): a promise is overdue once its due day has ended
 * there, and the reminder comes at the configured local hour whatever the offset that day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitmentTimeZoneIntegrationTests {

    @Autowired
    CommitmentProcessSteps steps;

    @Autowired
    CommitmentSettings settings;

    @Autowired
    Commitments commitments;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    TestRestTemplate http;

    @Test
    void aPromiseDueOn27MarchIsEscalatedOnlyOnceThatDayHasEndedWhereItsOwnerIs() {
        LocalDate due = LocalDate.of(2027, 3, 27);

        assertThat(read(ownedIn("America/Los_Angeles", due)).dueAt()).isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
        assertThat(read(ownedIn("Europe/Berlin", due)).dueAt())
                .as("midnight in Berlin, in summer time since 02:00 that night")
                .isEqualTo(Instant.parse("2027-03-27T23:00:00Z"));
        assertThat(read(ownedIn("Australia/Sydney", due)).dueAt()).isEqualTo(Instant.parse("2027-03-27T13:00:00Z"));
        assertThat(read(ownedIn(null, due)).dueAt())
                .as("an owner without a zone: the company's (UTC in tests)")
                .isEqualTo(Instant.parse("2027-03-28T00:00:00Z"));
    }

    /**
     * The session 40 probe (F12) read the Assign owner step of a promise due Fri 25 Dec, shown to a reader in
     * Sydney as "Sat 26 Dec 2026, 10:00 AEDT". It is judged as every step of the commitment is, and as the
     * register judges it ({@link CommitmentService#dueZone}): at the end of the due day in the company's zone
     * while nobody owns it (UTC in tests), not where its maker (Berlin), the account's owner (Sydney) or the
     * delivering team is. Until session 45 it was its maker's, while the register's overdue was the company's.
     */
    @Test
    void anUnownedPromiseIsDueAtTheEndOfItsDueDayInTheCompanysZone() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person maker = personIn("Europe/Berlin", "mk-" + tag);
        Person accountOwner = personIn("Australia/Sydney", "ao-" + tag);
        Account account = accounts.save(new Account("Unowned " + tag, accountOwner, null, null, null));
        Commitment unowned = commitments.save(
                new Commitment(account, null, "Workshop", maker, null, null, LocalDate.of(2026, 12, 25)));

        CommitmentStep step = read(unowned);

        assertThat(step.stage()).isEqualTo(CommitmentStage.ASSIGN);
        assertThat(step.dueAt())
                .as("the end of Fri 25 Dec in the company's zone (UTC), not in its maker's (Berlin)")
                .isEqualTo(Instant.parse("2026-12-26T00:00:00Z"));
    }

    @Test
    void theReminderComesAtTheSameLocalHourAcrossTheChange() {
        int daysBefore = settings.reminderDaysBefore(settings.defaultDeliveringTeam());
        // the reminder day is before each zone's change, the due day after it
        CommitmentStep berlin =
                read(ownedIn("Europe/Berlin", LocalDate.of(2027, 3, 28).plusDays(daysBefore - 1)));
        CommitmentStep sydney =
                read(ownedIn("Australia/Sydney", LocalDate.of(2027, 4, 4).plusDays(daysBefore - 1)));
        CommitmentStep losAngeles =
                read(ownedIn("America/Los_Angeles", LocalDate.of(2027, 3, 14).plusDays(daysBefore - 1)));

        assertThat(berlin.reminderAt()).isEqualTo(Instant.parse("2027-03-27T08:00:00Z")); // 09:00 CET
        assertThat(sydney.reminderAt()).isEqualTo(Instant.parse("2027-04-02T22:00:00Z")); // 09:00 AEDT
        assertThat(losAngeles.reminderAt()).isEqualTo(Instant.parse("2027-03-13T17:00:00Z")); // 09:00 PST
        assertThat(berlin.dueAt()) // the end of the due day: midnight in summer time
                .isEqualTo(LocalDate.of(2027, 3, 28)
                        .plusDays(daysBefore - 1)
                        .atTime(22, 0)
                        .toInstant(java.time.ZoneOffset.UTC));
        assertThat(settings.notifyAt()).hasHour(9);
    }

    @Test
    void aNewDueDateIsJudgedWhereTheOwnerIsNotWhereTheServerOrTheCallerIs() {
        // Pago Pago (UTC-11) and Kiritimati (UTC+14) are always on different days
        LocalDate todayInPagoPago = LocalDate.now(ZoneId.of("Pacific/Pago_Pago"));
        Commitment ownedInPagoPago = ownedIn("Pacific/Pago_Pago", todayInPagoPago.plusDays(10));
        Commitment ownedInKiritimati = ownedIn("Pacific/Kiritimati", todayInPagoPago.plusDays(10));

        ResponseEntity<Map> stillToday = rescheduleAsAda(ownedInPagoPago, todayInPagoPago);
        ResponseEntity<Map> alreadyOver = rescheduleAsAda(ownedInKiritimati, todayInPagoPago);

        assertThat(stillToday.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(alreadyOver.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) alreadyOver.getBody().get("errors")).containsOnlyKeys("dueDate");
        assertThat(commitments.findById(ownedInKiritimati.getId()).orElseThrow().getDueDate())
                .isEqualTo(todayInPagoPago.plusDays(10));
    }

    /**
     * The session 44 probe recorded a promise for cora in Sydney due "today" in UTC, already yesterday
     * where she is: accepted, and she and her manager were mailed "Overdue commitment" within a second.
     * A new promise's due date is held to the reschedule's rule: today or later where the owner is.
     */
    @Test
    void aNewPromiseIsDueTodayOrLaterWhereItsOwnerIsNotWhereTheServerOrTheCallerIs() {
        LocalDate todayInPagoPago = LocalDate.now(ZoneId.of("Pacific/Pago_Pago"));
        Commitment inPagoPago = ownedIn("Pacific/Pago_Pago", todayInPagoPago.plusDays(10));
        Commitment inKiritimati = ownedIn("Pacific/Kiritimati", todayInPagoPago.plusDays(10));

        ResponseEntity<Map> stillToday = recordAsAda(inPagoPago, todayInPagoPago);
        ResponseEntity<Map> alreadyOver = recordAsAda(inKiritimati, todayInPagoPago);

        assertThat(stillToday.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(alreadyOver.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) alreadyOver.getBody().get("errors"))
                .containsOnly(Map.entry("dueDate", "must be today or later where the owner is"));
        assertThat(commitments.findAll())
                .filteredOn(c ->
                        c.getAccount().getId().equals(inKiritimati.getAccount().getId()))
                .as("nothing recorded beside the fixture")
                .hasSize(1);
    }

    @Test
    void theAccountPageSaysAtTheDueDateThatTheDayHasEndedWhereTheOwnerIs() {
        LocalDate todayInPagoPago = LocalDate.now(ZoneId.of("Pacific/Pago_Pago"));
        Commitment inKiritimati = ownedIn("Pacific/Kiritimati", todayInPagoPago.plusDays(10));
        Account account = inKiritimati.getAccount();
        TestRestTemplate ada = SignedIn.as(http, "ada");
        HttpHeaders form = SignedIn.formOf(ada.getForObject("/accounts/" + account.getId(), String.class));
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("description", "Workshop");
        fields.add("dueDate", todayInPagoPago.toString());
        fields.add("ownerId", String.valueOf(inKiritimati.getOwner().getId()));

        ResponseEntity<String> refused = ada.exchange(
                "/accounts/" + account.getId() + "/commitments",
                HttpMethod.POST,
                new HttpEntity<>(fields, form),
                String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody())
                .contains("The promise was not recorded: see the marked fields.")
                .contains("id=\"promise-dueDate-error\">must be today or later where the owner is</div>");
    }

    /** A step's reschedule or renegotiation is judged where the owner is, as the API's reschedule is. */
    @Test
    void aStepsNewDueDateIsJudgedWhereTheOwnerIs() {
        LocalDate todayInPagoPago = LocalDate.now(ZoneId.of("Pacific/Pago_Pago"));
        Commitment inKiritimati = ownedIn("Pacific/Kiritimati", todayInPagoPago.plusDays(10));
        CommitmentDecision reschedule =
                new CommitmentDecision("reschedule", "agreed", null, todayInPagoPago, null, null);

        assertThatThrownBy(() -> steps.decide(inKiritimati.getId(), inKiritimati.getVersion(), reschedule, null))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.getFieldErrors())
                                .containsOnly(Map.entry("newDueDate", "must be today or later where the owner is")));
        assertThatThrownBy(() -> steps.check(reschedule, inKiritimati.getId())).isInstanceOf(BadRequestException.class);
        assertThat(commitments.findById(inKiritimati.getId()).orElseThrow().getDueDate())
                .isEqualTo(todayInPagoPago.plusDays(10));
    }

    private ResponseEntity<Map> recordAsAda(Commitment fixture, LocalDate dueDate) {
        return http.withBasicAuth("ada", "demo")
                .postForEntity(
                        "/api/commitments",
                        Map.of(
                                "accountId", fixture.getAccount().getId(),
                                "description", "TZ test",
                                "ownerId", fixture.getOwner().getId(),
                                "dueDate", dueDate.toString()),
                        Map.class);
    }

    private ResponseEntity<Map> rescheduleAsAda(Commitment c, LocalDate dueDate) {
        return http.withBasicAuth("ada", "demo")
                .postForEntity(
                        "/api/commitments/" + c.getId() + "/reschedule",
                        Map.of("dueDate", dueDate.toString(), "reason", "agreed on the phone"),
                        Map.class);
    }

    private CommitmentStep read(Commitment c) {
        return steps.read(c.getId(), -c.getId()); // no real process: the key is only recorded
    }

    private Person personIn(String zone, String username) {
        Person p = new Person(username, "Person " + username, username + "@baton.example", "x", Set.of(Role.REP));
        p.moveToTimeZone(zone);
        return people.save(p);
    }

    private Commitment ownedIn(String zone, LocalDate due) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person owner = new Person("tz-" + tag, "Owner " + tag, "tz-" + tag + "@baton.example", "x", Set.of(Role.REP));
        owner.moveToTimeZone(zone);
        people.save(owner);
        Account account = accounts.save(new Account("Zone " + tag, owner, null, null, null));
        return commitments.save(new Commitment(account, null, "Training", owner, owner, null, due));
    }
}
