package dev.baton.demo;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.account.Accounts;
import dev.baton.account.Contact;
import dev.baton.account.Contacts;
import dev.baton.account.Interactions;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.Commitments;
import dev.baton.people.People;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The sandbox's data, as loaded at start-up (same context as the other full-boot tests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoDataTests {

    @Autowired
    DemoData demoData;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    Interactions interactions;

    @Autowired
    Commitments commitments;

    @Autowired
    Clock clock;

    @Autowired
    DemoPlaybooks demoPlaybooks;

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void startsSampleReviewsThatRobFindsInHisInboxOneOfThemOverdue() {
        List<Long> started = demoPlaybooks.startSampleReviews();
        assertThat(started).hasSize(3);

        List<Map<String, Object>> mine = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> ((List<Map<String, Object>>) http.withBasicAuth("rob", "demo")
                                        .getForObject("/api/tasks?size=200", Map.class)
                                        .get("content"))
                                .stream()
                                        .filter(t ->
                                                started.contains(((Number) t.get("processInstanceKey")).longValue()))
                                        .toList(),
                        tasks -> tasks.size() == started.size());
        assertThat(mine).allSatisfy(t -> assertThat(t.get("accountId")).isNotNull());
        assertThat(mine).filteredOn(t -> Boolean.TRUE.equals(t.get("overdue"))).hasSize(1);
    }

    @Test
    void givesEachRepABookOfAccounts() {
        long rob = accounts.countByOwner(people.findByUsername("rob").orElseThrow());
        long rita = accounts.countByOwner(people.findByUsername("rita").orElseThrow());
        long ravi = accounts.countByOwner(people.findByUsername("ravi").orElseThrow());

        assertThat(rob + rita + ravi).isGreaterThanOrEqualTo(40);
        assertThat(List.of(rob, rita, ravi))
                .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(10));
        Set<String> demoNames = DemoCatalogue.COMPANIES.stream()
                .map(DemoCatalogue.Company::name)
                .collect(toSet());
        // other test classes share this database and add accounts of their own: look at the demo's only
        assertThat(accounts.findAll().stream().filter(a -> demoNames.contains(a.getName())))
                .hasSize(demoNames.size())
                .allSatisfy(account -> {
                    assertThat(account.getRenewalDate())
                            .isBetween(
                                    LocalDate.now(clock), LocalDate.now(clock).plusMonths(12));
                    assertThat(contacts.findByAccountIdOrderByFullName(account.getId()))
                            .hasSizeBetween(2, 5);
                    assertThat(interactions.findByAccountIdOrderByOccurredAtDesc(account.getId()))
                            .isNotEmpty();
                });
    }

    @Test
    void containsStaleNeverVerifiedAndDuplicateContacts() {
        List<Contact> all = contacts.findAll();
        Duration year = Duration.ofDays(365);

        assertThat(all).anyMatch(c -> c.getLastVerifiedAt() == null);
        assertThat(all).anyMatch(c -> c.getLastVerifiedAt() != null && c.isStale(clock.instant(), year));
        assertThat(all).anyMatch(c -> !c.isStale(clock.instant(), year));
        assertThat(all).anyMatch(c -> !c.getFullName().matches("\\p{ASCII}+"));
        Map<String, Long> sameEmailOnOneAccount = all.stream()
                .filter(c -> c.getEmail() != null)
                .collect(Collectors.groupingBy(
                        c -> c.getAccount().getId() + c.getEmail().toLowerCase(), Collectors.counting()));
        assertThat(sameEmailOnOneAccount).containsValue(2L);
    }

    @Test
    void containsOverdueAndUnownedCommitmentsAmongOthers() {
        List<Commitment> all = commitments.findAll();

        assertThat(all).anyMatch(c -> c.isOverdue(LocalDate.now(clock)) && c.getOwner() != null);
        assertThat(all).anyMatch(c -> c.getStatus().isOpen() && c.getOwner() == null);
        assertThat(all).extracting(Commitment::getStatus).contains(CommitmentStatus.values());
    }

    @Test
    void addsNothingTheSecondTime() {
        long accountsBefore = accounts.count();
        long contactsBefore = contacts.count();
        long commitmentsBefore = commitments.count();
        long peopleBefore = people.count();

        demoData.run(null);

        assertThat(people.count()).isEqualTo(peopleBefore);
        assertThat(accounts.count()).isEqualTo(accountsBefore);
        assertThat(contacts.count()).isEqualTo(contactsBefore);
        assertThat(commitments.count()).isEqualTo(commitmentsBefore);
    }
}
