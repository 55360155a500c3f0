package dev.baton.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.Teams;
import dev.baton.people.TimeZones.Todays;
import dev.baton.support.PostgresTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

@PostgresTest
@Import(RegisterQuery.class)
class CommitmentQueryTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    Commitments commitments;

    @Autowired
    RegisterQuery register;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    Person rob;
    Person rita;
    Team cs;
    Account acme;
    Commitment robsLate;
    Commitment robsDeliveredLate;
    Commitment ritasOnTime;
    Commitment unownedLate;
    Commitment unownedCancelled;

    @BeforeEach
    void aSmallRegister() {
        rob = people.save(new Person("q-rob", "Rob", "q-rob@example.com", "x", Set.of(Role.REP)));
        rita = people.save(new Person("q-rita", "Rita", "q-rita@example.com", "x", Set.of(Role.REP)));
        cs = teams.save(new Team("q-cs", "CS"));
        acme = accounts.save(new Account("Acme", rob, null, null, null));
        robsLate = save(rob, null, TODAY.minusDays(1));
        robsDeliveredLate = save(rob, cs, TODAY.minusDays(5));
        robsDeliveredLate.accept();
        robsDeliveredLate.deliver("sent");
        ritasOnTime = save(rita, cs, TODAY);
        ritasOnTime.accept();
        unownedLate = save(null, cs, TODAY.minusDays(2));
        unownedCancelled = save(null, null, TODAY.minusDays(2));
        unownedCancelled.cancel("withdrawn");
        commitments.flush();
    }

    Commitment save(Person owner, Team team, LocalDate due) {
        return commitments.save(new Commitment(acme, null, "promise", rob, owner, team, due));
    }

    List<Commitment> find(CommitmentStatus status, Person owner, Team team, boolean overdue, boolean unowned) {
        return find(new CommitmentFilter(
                status,
                owner == null ? null : owner.getId(),
                team == null ? null : team.getId(),
                acme.getId(),
                overdue,
                unowned));
    }

    @Test
    void overdueMeansPastDueAndNotYetDelivered() {
        assertThat(find(null, null, null, true, false)).containsExactlyInAnyOrder(robsLate, unownedLate);
    }

    @Test
    void overdueIsJudgedWhereTheOwnerIs() {
        // 23 November in Berlin, still 22 November in Los Angeles: rob's promise due on the 22nd is late in
        // Berlin, and only where rob is once he moves to Los Angeles
        rob.moveToTimeZone("America/Los_Angeles");
        people.flush();
        Todays berlinMorning = new Todays(
                "Europe/Berlin",
                java.util.Map.of(TODAY, Set.of("Europe/Berlin"), TODAY.minusDays(1), Set.of("America/Los_Angeles")));

        assertThat(find(new CommitmentFilter(null, rob.getId(), null, acme.getId(), true, false), berlinMorning))
                .isEmpty();
        rob.moveToTimeZone("Europe/Berlin");
        people.flush();
        assertThat(find(new CommitmentFilter(null, rob.getId(), null, acme.getId(), true, false), berlinMorning))
                .containsExactly(robsLate);
    }

    /**
     * "Overdue" in SQL agrees with judging each row in Java, where its owner is, at every hour of a day,
     * for owners from UTC-10 to UTC+14, one without a zone of their own and none at all: today in each
     * zone in use as {@code TimeZones.todays()} groups them, one, two or three dates.
     */
    @Test
    void overdueAgreesWithEachOwnersOwnTodayAtEveryHour() {
        List<Person> owners = new java.util.ArrayList<>();
        List<String> zones = List.of("Pacific/Honolulu", "America/Los_Angeles", "Europe/Berlin", "Pacific/Kiritimati");
        for (int i = 0; i < zones.size(); i++) {
            Person p = people.save(
                    new Person("q-zone" + i, zones.get(i), "q-zone" + i + "@example.com", "x", Set.of(Role.REP)));
            p.moveToTimeZone(zones.get(i));
            owners.add(p);
        }
        owners.add(rita); // no zone of her own: the company's
        List<Commitment> rows = new java.util.ArrayList<>(
                List.of(robsLate, robsDeliveredLate, ritasOnTime, unownedLate, unownedCancelled));
        for (Person owner : owners) {
            for (int d = -2; d <= 1; d++) {
                rows.add(save(owner, cs, TODAY.plusDays(d)));
            }
        }
        commitments.flush();
        ZoneId company = ZoneId.of("Europe/Berlin");
        Set<String> inUse = new java.util.TreeSet<>(zones);
        inUse.add(company.getId());
        for (int hour = 0; hour < 24; hour++) {
            java.time.Instant at = TODAY.atTime(hour, 30).toInstant(ZoneOffset.UTC);
            java.util.Map<LocalDate, Set<String>> byDay = new java.util.TreeMap<>();
            inUse.forEach(
                    z -> byDay.computeIfAbsent(LocalDate.ofInstant(at, ZoneId.of(z)), d -> new java.util.TreeSet<>())
                            .add(z));
            Todays todays = new Todays(company.getId(), byDay);
            List<Long> expected = rows.stream()
                    .filter(c -> CommitmentStatus.AWAITING_DELIVERY.contains(c.getStatus()))
                    .filter(c -> c.getDueDate()
                            .isBefore(LocalDate.ofInstant(
                                    at,
                                    c.getOwner() == null || c.getOwner().getTimeZone() == null
                                            ? company
                                            : ZoneId.of(c.getOwner().getTimeZone()))))
                    .map(Commitment::getId)
                    .toList();

            assertThat(find(new CommitmentFilter(null, null, null, acme.getId(), true, false), todays))
                    .as("at %02d:30 UTC (%d dates in the zones in use)", hour, byDay.size())
                    .extracting(Commitment::getId)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void unownedMeansOpenWithoutAnOwner() {
        assertThat(find(null, null, null, false, true)).containsExactly(unownedLate);
    }

    @Test
    void aPageOfUnownedCountsThoseWithNoOwnerAndThoseWhoseOwnerLeft() {
        Person gone = people.save(new Person("q-gone", "Gone", "q-gone@example.com", "x", Set.of(Role.REP)));
        Commitment gonesLate = save(gone, cs, TODAY.minusDays(3));
        gone.deactivate();
        commitments.flush();

        Page<CommitmentView> first = register.find(
                new CommitmentFilter(null, null, null, acme.getId(), false, true),
                Todays.of(ZoneOffset.UTC, TODAY),
                inactive(),
                PageRequest.of(0, 1, Sort.by("dueDate", "id")),
                zone -> TODAY);

        // counted in two parts (no owner; an inactive owner), added up: the open ones of both, once each
        assertThat(first.getTotalElements()).isEqualTo(2);
        assertThat(first.getContent()).extracting(CommitmentView::id).containsExactly(gonesLate.getId());
    }

    @Test
    void filtersByOwnerTeamAndStatusTogether() {
        assertThat(find(null, rob, null, false, false)).containsExactlyInAnyOrder(robsLate, robsDeliveredLate);
        assertThat(find(null, null, cs, false, false))
                .containsExactlyInAnyOrder(robsDeliveredLate, ritasOnTime, unownedLate);
        assertThat(find(CommitmentStatus.ACCEPTED, null, cs, false, false)).containsExactly(ritasOnTime);
        assertThat(find(null, null, cs, true, true)).containsExactly(unownedLate);
    }

    @Test
    void countsOverdueCommitmentsPerAccount() {
        Account empty = accounts.save(new Account("Empty", rob, null, null, null));

        List<Object[]> rows = commitments.findDueBeforeByAccount(
                List.of(acme.getId(), empty.getId()), CommitmentStatus.AWAITING_DELIVERY, TODAY);

        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row[0]).isEqualTo(acme.getId()));
    }

    /** The inactive people's ids, as {@code PeopleService.inactiveIds} gives them to the register. */
    List<Long> inactive() {
        return people.findAll().stream()
                .filter(p -> !p.isActive())
                .map(Person::getId)
                .sorted()
                .toList();
    }

    List<Commitment> find(CommitmentFilter filter) {
        return find(filter, Todays.of(ZoneOffset.UTC, TODAY));
    }

    /** The filter's rows as the register reads them, and its count and every page's total agreeing with them. */
    List<Commitment> find(CommitmentFilter filter, Todays todays) {
        List<Long> inactive = inactive();
        List<CommitmentView> rows = register.find(
                        filter, todays, inactive, Pageable.unpaged(Sort.by("dueDate", "id")), zone -> todays.latest())
                .getContent();
        assertThat(register.count(filter, todays, inactive)).isEqualTo(rows.size());
        // each page of one (and the one past the end) carries the same total, counted in the page's statement
        for (int page = 0; page <= rows.size(); page++) {
            Page<CommitmentView> one = register.find(
                    filter,
                    todays,
                    inactive,
                    PageRequest.of(page, 1, Sort.by("dueDate", "id")),
                    zone -> todays.latest());
            assertThat(one.getTotalElements()).as("total on page %d", page).isEqualTo(rows.size());
            assertThat(one.getContent())
                    .extracting(CommitmentView::id)
                    .isEqualTo(page < rows.size() ? List.of(rows.get(page).id()) : List.of());
        }
        return rows.stream()
                .map(row -> commitments.findById(row.id()).orElseThrow())
                .toList();
    }

    CommitmentFilter ofAcme(boolean unowned, boolean rejected, LocalDate dueFrom, LocalDate dueTo) {
        return new CommitmentFilter(null, null, null, acme.getId(), false, unowned, rejected, dueFrom, dueTo);
    }

    @Test
    void dueWindowIncludesBothEnds() {
        assertThat(find(ofAcme(false, false, TODAY.minusDays(2), TODAY.minusDays(1))))
                .containsExactlyInAnyOrder(robsLate, unownedLate, unownedCancelled);
    }

    @Test
    void unownedAlsoMeansOwnedBySomeoneInactive() {
        rita.deactivate();
        people.flush();

        assertThat(find(ofAcme(true, false, null, null))).containsExactlyInAnyOrder(unownedLate, ritasOnTime);
    }

    @Test
    void unownedAndOverdueReadsBothPartsInOrderJudgedWhereTheOwnerWas() {
        Todays berlinMorning = new Todays(
                "Europe/Berlin",
                java.util.Map.of(TODAY, Set.of("Europe/Berlin"), TODAY.minusDays(1), Set.of("America/Los_Angeles")));
        rob.moveToTimeZone("America/Los_Angeles");
        rob.deactivate();
        people.flush();
        CommitmentFilter unownedOverdue = new CommitmentFilter(null, null, null, acme.getId(), true, true);

        // rob's promise due yesterday is not late yet in Los Angeles; the one with no owner is, in Berlin
        assertThat(find(unownedOverdue, berlinMorning)).containsExactly(unownedLate);
        rob.moveToTimeZone("Europe/Berlin");
        people.flush();
        // each page of one walks both parts (no owner, rob's) in due order
        assertThat(find(unownedOverdue, berlinMorning)).containsExactly(unownedLate, robsLate);
    }

    @Test
    void rejectedShowsOnlyRejectedOnes() {
        Commitment rejected = save(rita, cs, TODAY.plusDays(3));
        rejected.reject("not in scope");
        commitments.flush();

        assertThat(find(ofAcme(false, true, null, null))).containsExactly(rejected);
    }

    @Test
    void aRejectedCommitmentOfSomeoneInactiveShowsAsUnownedForItIsStillOpen() {
        Commitment rejected = save(rita, cs, TODAY.plusDays(3));
        rejected.reject("delivery cannot staff it");
        commitments.flush();
        rita.deactivate();
        people.flush();

        assertThat(find(ofAcme(true, false, null, null))).containsExactlyInAnyOrder(unownedLate, ritasOnTime, rejected);
    }
}
