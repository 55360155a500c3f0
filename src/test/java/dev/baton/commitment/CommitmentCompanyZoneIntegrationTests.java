package dev.baton.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.shared.Dates;
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
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A promise nobody owns is judged in the company's zone everywhere ({@link CommitmentService#dueZone}): the
 * due date it may be given, its process's due time, the register's and the API's overdue. The company is in
 * Kiritimati (UTC+14) and its maker in Pago Pago (UTC-11), always a day or two behind, so the company's
 * yesterday has not ended yet where the maker is. Until session 45 the process judged such a promise where
 * its maker was, and the register in the company's zone: overdue in one and not the other.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baton.company-time-zone=" + CommitmentCompanyZoneIntegrationTests.COMPANY)
class CommitmentCompanyZoneIntegrationTests {

    static final String COMPANY = "Pacific/Kiritimati";
    private static final ZoneId COMPANY_ZONE = ZoneId.of(COMPANY);
    private static final String MAKER_ZONE = "Pacific/Pago_Pago";

    @Autowired
    CommitmentService service;

    @Autowired
    CommitmentProcessSteps steps;

    @Autowired
    Commitments commitments;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TestRestTemplate http;

    @Test
    void anUnownedPromiseDueOnTheCompanysTodayIsRecordedAndDueAtTheEndOfThatDayThere() {
        LocalDate companyToday = LocalDate.now(COMPANY_ZONE);
        Account account = accountOfAMakerInPagoPago();

        ResponseEntity<Map> recorded = record(account, companyToday);

        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(recorded.getBody()).containsEntry("overdue", false);
        Commitment unowned = commitments
                .findById(((Number) recorded.getBody().get("id")).longValue())
                .orElseThrow();
        assertThat(read(unowned).dueAt())
                .as("its Assign owner step is due at the end of the company's today, not of the maker's")
                .isEqualTo(Dates.endOf(companyToday, COMPANY_ZONE))
                .isAfter(Instant.now());
        assertThat(overdueIn(account)).as("nor overdue in the register").isEmpty();
    }

    @Test
    void anUnownedPromiseDueOnTheCompanysYesterdayIsRefusedThoughThatDayHasNotEndedWhereItsMakerIs() {
        LocalDate companyYesterday = LocalDate.now(COMPANY_ZONE).minusDays(1);
        assertThat(companyYesterday).isAfterOrEqualTo(LocalDate.now(ZoneId.of(MAKER_ZONE)));
        Account account = accountOfAMakerInPagoPago();
        Commitment unowned = commitments.save(new Commitment(
                account, null, "Workshop", account.getOwner(), null, null, companyYesterday.plusDays(10)));

        ResponseEntity<Map> refused = record(account, companyYesterday);
        ResponseEntity<Map> rescheduleRefused = http.withBasicAuth(
                        account.getOwner().getUsername(), "demo")
                .postForEntity(
                        "/api/commitments/" + unowned.getId() + "/reschedule",
                        Map.of("dueDate", companyYesterday.toString(), "reason", "agreed on the phone"),
                        Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) refused.getBody().get("errors"))
                .containsOnly(Map.entry("dueDate", "must be today or later in the company's time zone"));
        assertThat(rescheduleRefused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(commitments.findAll())
                .filteredOn(c -> c.getAccount().getId().equals(account.getId()))
                .as("nothing recorded or moved beside the fixture")
                .singleElement()
                .satisfies(c -> assertThat(c.getDueDate()).isEqualTo(companyYesterday.plusDays(10)));
    }

    @Test
    void anUnownedPromisePastTheCompanysDueDayIsOverdueToItsProcessAsInTheRegister() {
        LocalDate companyYesterday = LocalDate.now(COMPANY_ZONE).minusDays(1);
        Account account = accountOfAMakerInPagoPago();
        Commitment unowned = commitments.save(
                new Commitment(account, null, "Workshop", account.getOwner(), null, null, companyYesterday));

        CommitmentStep step = read(unowned);

        assertThat(overdueIn(account))
                .as("overdue in the register")
                .singleElement()
                .satisfies(v -> assertThat(v.overdue()).isTrue());
        assertThat(service.get(unowned.getId()).overdue()).as("and in the API").isTrue();
        assertThat(step.stage()).isEqualTo(CommitmentStage.ASSIGN);
        assertThat(step.dueAt())
                .as("and to its process: its due time has passed, though its maker's day has not ended")
                .isEqualTo(Dates.endOf(companyYesterday, COMPANY_ZONE))
                .isBefore(Instant.now());
    }

    private ResponseEntity<Map> record(Account account, LocalDate dueDate) {
        return http.withBasicAuth(account.getOwner().getUsername(), "demo")
                .postForEntity(
                        "/api/commitments",
                        Map.of("accountId", account.getId(), "description", "Workshop", "dueDate", dueDate.toString()),
                        Map.class);
    }

    private java.util.List<CommitmentView> overdueIn(Account account) {
        return service.find(new CommitmentFilter(null, null, null, account.getId(), true, false), PageRequest.of(0, 10))
                .getContent();
    }

    private CommitmentStep read(Commitment c) {
        return steps.read(c.getId(), -c.getId()); // no real process: the key is only recorded
    }

    /** An account owned by a rep in Pago Pago (password "demo"), who makes its promises. */
    private Account accountOfAMakerInPagoPago() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person maker = new Person(
                "pp-" + tag,
                "Maker " + tag,
                "pp-" + tag + "@baton.example",
                passwords.encode("demo"),
                Set.of(Role.REP));
        maker.moveToTimeZone(MAKER_ZONE);
        people.save(maker);
        return accounts.save(new Account("Company zone " + tag, maker, null, null, null));
    }
}
