package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every figure of the trust report against a hand-computed fixture: a team of its own (a manager,
 * rep A, rep B who has left), so the shared demo data does not reach the manager's view. The
 * expected numbers are worked out beside each fixture row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustReportIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String run;
    long team, manager, a, b;

    @BeforeEach
    void fixture() {
        run = UUID.randomUUID().toString().substring(0, 8);
        team = jdbc.queryForObject(
                "insert into team (key, name) values (?, ?) returning id", Long.class, "trust-" + run, "Trust " + run);
        manager = person("m-" + run, null, "MANAGER", true);
        a = person("a-" + run, manager, "REP", true);
        b = person("b-" + run, manager, "REP", true);
        long account = jdbc.queryForObject(
                "insert into account (name, owner_id) values (?, ?) returning id", Long.class, "Trust Co " + run, a);
        // A's commitments: due 7 in the period (cancelled and later ones left out); settled: 1, 2, 3, 4 (due before
        // today) and 6 (delivered)
        commitment(account, a, -10, "DELIVERED", -12); // 1: delivered two days early: on time
        commitment(account, a, -10, "VERIFIED", -5); // 2: delivered five days late
        commitment(account, a, -5, "ACCEPTED", null); // 3: overdue
        commitment(account, a, -3, "BREACHED", null); // 4
        commitment(account, a, 5, "REJECTED", null); // 5: rejected, not renegotiated
        commitment(account, a, 5, "DELIVERED", 0); // 6: delivered today, due later: on time
        commitment(account, a, 10, "PROPOSED", null); // 7: not due yet
        commitment(account, a, -2, "CANCELLED", null); // left out
        commitment(account, a, 60, "PROPOSED", null); // after the period
        commitment(account, b, 3, "ACCEPTED", null); // B's, B has left (below): unowned
        // handovers: B's took 72 hours, A's 48; the team's median is 60
        long fromB = handover(b, -4, -1);
        handover(a, -3, -1);
        item(fromB, account, a, true, at(-3, 10), at(-3, 11), at(-2, 9)); // note; acknowledged first; call in time
        long other = jdbc.queryForObject(
                "insert into account (name, owner_id) values (?, ?) returning id", Long.class, "Trust Two " + run, a);
        item(fromB, other, a, false, at(-2, 10), at(-3, 11), null); // mail before the acknowledgement; no call
        // tasks completed by A: one by its due time, one late, one before the period
        task("a-" + run, at(-2, 12), at(-3, 12));
        task("a-" + run, at(-5, 12), at(-4, 12));
        task("a-" + run, at(-40, 12), at(-41, 12));
        // contacts at A's account: fresh if verified within 365 days (by the field or an audited verification)
        contact(account, at(-10, 12));
        contact(account, null);
        contact(account, at(-400, 12));
        long audited = contact(account, null);
        audit("contact.verified", "contact", audited, account, at(-20, 12));
        // leads (first-touch due, first touched): A's due 4 in the period, 3 judged (touched or past due), 1 in time
        lead(a, at(-5, 12), at(-6, 12)); // touched a day early: in time
        lead(a, at(-4, 12), at(-3, 12)); // touched a day late
        lead(a, at(-2, 12), null); // untouched past its due time: missed
        lead(a, at(5, 12), null); // untouched, not due yet: neither way
        lead(a, at(-40, 12), at(-41, 12)); // due before the period
        lead(b, at(-1, 12), at(-1, 10)); // B's, in time
        jdbc.update("update person set active = false where id = ?", b);
    }

    private void lead(long owner, Instant due, Instant touched) {
        jdbc.update(
                "insert into lead (company, person_name, email, source, status, owner_id, assigned_at,"
                        + " assignment_count, first_touch_due_at, first_touched_at) values ('Lead Co', 'L', ?, 'web', ?,"
                        + " ?, ?, 1, ?, ?)",
                "l-" + UUID.randomUUID() + "@t.example",
                touched == null ? "NEW" : "WORKING",
                owner,
                Timestamp.from(due.minus(java.time.Duration.ofHours(24))),
                Timestamp.from(due),
                ts(touched));
    }

    /**
     * Found by a probe: a lead's first-touch outcome counted for whoever owns it now, so a lead that missed its SLA
     * under C and went to D after was D's miss. Each counts for who held it when it was decided (its audited
     * assignments say who held it when); one still waiting within its SLA for its owner now.
     */
    @Test
    void aReassignedLeadCountsForTheOwnerWhoHeldItWhenItsFirstTouchWasDecided() {
        String c = "c-" + run;
        String d = "d-" + run;
        person(c, manager, "REP", true);
        person(d, manager, "REP", true);
        // (first assigned, first-touch due, moved to D, first touched)
        movedLead(c, d, at(-4, 12), at(-3, 12), at(-2, 12), null); // missed under C: C's miss
        movedLead(c, d, at(-5, 12), at(-4, 12), at(-4, 18), at(-4, 10)); // touched in time by C: C's
        movedLead(c, d, at(-4, 12), at(-3, 12), at(-2, 12), at(-1, 12)); // missed under C, D touched late: C's
        movedLead(c, d, at(-3, 12), at(-1, 12), at(-2, 12), at(-2, 14)); // moved within its SLA, D in time: D's
        movedLead(c, d, at(-1, 12), at(5, 12), at(-1, 13), null); // waiting within its SLA: D's

        Map report = report();

        assertThat(figures(row(report, "reps", c)))
                .containsEntry("leadsDue", 3)
                .containsEntry("leadsJudged", 3)
                .containsEntry("leadsTouchedInTime", 1);
        assertThat(figures(row(report, "reps", d)))
                .containsEntry("leadsDue", 2)
                .containsEntry("leadsJudged", 1)
                .containsEntry("leadsTouchedInTime", 1);
    }

    /**
     * A lead first assigned to {@code from}, moved to {@code to} (who owns it now), with the audit events the
     * moves leave ({@code lead.assigned}, the owner's username after each).
     */
    private void movedLead(String from, String to, Instant assigned, Instant due, Instant moved, Instant touched) {
        long id = jdbc.queryForObject(
                "insert into lead (company, person_name, email, source, status, owner_id, assigned_at,"
                        + " assignment_count, first_touch_due_at, first_touched_at) values ('Lead Co', 'L', ?, 'web', ?,"
                        + " (select id from person where username = ?), ?, 2, ?, ?) returning id",
                Long.class,
                "l-" + UUID.randomUUID() + "@t.example",
                touched == null ? "NEW" : "WORKING",
                to,
                ts(moved),
                ts(due),
                ts(touched));
        int round = 0;
        for (Object[] assignment : new Object[][] {{assigned, from}, {moved, to}}) {
            jdbc.update(
                    "insert into audit_event (at, actor, action, entity_type, entity_id, after_state)"
                            + " values (?, 'system', 'lead.assigned', 'lead', ?, cast(? as jsonb))",
                    ts((Instant) assignment[0]),
                    id,
                    "{\"owner\": \"" + assignment[1] + "\", \"round\": " + ++round + "}");
        }
    }

    @Test
    void everyFigureMatchesTheHandComputedFixture() {
        Map report = report();

        Map repA = row(report, "reps", "a-" + run);
        assertThat(figures(repA))
                .containsAllEntriesOf(Map.ofEntries(
                        Map.entry("commitmentsDue", 7),
                        Map.entry("commitmentsSettled", 5),
                        Map.entry("deliveredOnTime", 2),
                        Map.entry("deliveredOnTimePct", 40.0),
                        Map.entry("overdue", 1),
                        Map.entry("breached", 1),
                        Map.entry("unowned", 0),
                        Map.entry("rejectedNotRenegotiated", 1),
                        Map.entry("handoversCompleted", 1),
                        Map.entry("medianHandoverHours", 48.0),
                        Map.entry("accountsHandedOver", 0),
                        Map.entry("accountsReceived", 2),
                        Map.entry("acknowledgedBeforeContactPct", 50.0),
                        Map.entry("introCallsInTimePct", 50.0),
                        Map.entry("contacts", 4),
                        Map.entry("contactsFreshPct", 50.0),
                        Map.entry("tasksDone", 2),
                        Map.entry("tasksOnTimePct", 50.0),
                        Map.entry("leadsDue", 4),
                        Map.entry("leadsJudged", 3),
                        Map.entry("leadsTouchedInTime", 1),
                        Map.entry("leadsTouchedInTimePct", 33.3)));
        assertThat(figures(repA)).containsEntry("withNotePct", null);
        Map repB = row(report, "reps", "b-" + run);
        assertThat(repB).containsEntry("active", false);
        assertThat(figures(repB))
                .containsAllEntriesOf(Map.of(
                        "commitmentsDue",
                        1,
                        "commitmentsSettled",
                        0,
                        "unowned",
                        1,
                        "handoversCompleted",
                        1,
                        "medianHandoverHours",
                        72.0,
                        "accountsHandedOver",
                        2,
                        "withNotePct",
                        50.0));
        assertThat(figures(repB)).containsEntry("deliveredOnTimePct", null);
        Map teamRow = row(report, "teams", "trust-" + run);
        assertThat(figures(teamRow))
                .containsAllEntriesOf(Map.ofEntries(
                        Map.entry("commitmentsDue", 8),
                        Map.entry("deliveredOnTimePct", 40.0),
                        Map.entry("unowned", 1),
                        Map.entry("handoversCompleted", 2),
                        Map.entry("medianHandoverHours", 60.0),
                        Map.entry("withNotePct", 50.0),
                        Map.entry("contactsFreshPct", 50.0),
                        Map.entry("tasksOnTimePct", 50.0),
                        Map.entry("leadsDue", 5),
                        Map.entry("leadsJudged", 4),
                        Map.entry("leadsTouchedInTime", 2),
                        Map.entry("leadsTouchedInTimePct", 50.0)));
        assertThat(figures(repB))
                .containsEntry("leadsDue", 1)
                .containsEntry("leadsTouchedInTime", 1)
                .containsEntry("leadsTouchedInTimePct", 100.0);
        assertThat((List<Map>) report.get("reps")).hasSize(2); // the manager's line only: no demo people
        assertThat(figures(Map.of("figures", report.get("total")))).containsEntry("commitmentsDue", 8);
        List<Map> trend = (List<Map>) report.get("freshnessTrend");
        assertThat(trend.getLast()).containsEntry("contacts", 4).containsEntry("freshPct", 50.0);
        assertThat(report.get("leads"))
                .isEqualTo("Lead first touch within SLA: 50.0 % (2 of 4 touched or past their SLA;"
                        + " 5 leads due a first touch in the period).");
    }

    @Test
    void theLeadFiguresOfTeamsAndRepsAddUpToEveryoneAndThePageAndCsvShowThem() {
        Map all = http.withBasicAuth("ada", "demo")
                .getForObject("/api/reports/trust?from={f}&to={t}", Map.class, today.minusDays(30), today.plusDays(30));
        String csv = csv("reps");
        String page = dev.baton.support.SignedIn.as(http, "m-" + run)
                .getForObject("/reports/trust?from={f}&to={t}", String.class, today.minusDays(30), today.plusDays(30));

        for (String figure : List.of("leadsDue", "leadsJudged", "leadsTouchedInTime")) {
            long total = ((Number) figures(Map.of("figures", all.get("total"))).get(figure)).longValue();
            for (String table : List.of("teams", "reps")) {
                assertThat(((List<Map>) all.get(table))
                                .stream()
                                        .mapToLong(r -> ((Number) figures(r).get(figure)).longValue())
                                        .sum())
                        .as(figure + " over " + table)
                        .isEqualTo(total);
            }
            assertThat(total).as(figure).isGreaterThanOrEqualTo(figure.equals("leadsDue") ? 5 : 2);
        }
        assertThat(csv)
                .contains(",leads_due,leads_judged,leads_touched_in_time,leads_touched_in_time_pct\r\n")
                .contains(",everyone,true,8,")
                .contains(",a-" + run + ",Person a-" + run + ",true,7,")
                .contains(",4,3,1,33.3\r\n", ",5,4,2,50.0\r\n");
        assertThat(page)
                .contains("Lead first touch within SLA: 50.0 % (2 of 4 touched or past their SLA;")
                .contains("33.3 % (1/3)", "1 not yet due", "100.0 % (1/1)")
                .doesNotContain("no leads yet");
    }

    /**
     * Found by the session 40 probe: the successor's figures stayed "—" during a running handover, as only
     * completed ones count, and the page did not say so.
     */
    @Test
    void thePageSaysTheHandoverColumnsCountCompletedHandoversOnly() {
        String page = dev.baton.support.SignedIn.as(http, "m-" + run)
                .getForObject("/reports/trust?from={f}&to={t}", String.class, today.minusDays(30), today.plusDays(30));

        assertThat(page)
                .contains("completed in the period, under the departing rep")
                .contains("A handover still running counts in none of them until it completes");
    }

    @Test
    void aCommitmentSettledWithoutADeliveryDateIsNeitherOnTimeNorLateButCountedApart() {
        long account = jdbc.queryForObject(
                "insert into account (name, owner_id) values (?, ?) returning id", Long.class, "Undated " + run, a);
        // as an import writes them: delivered or verified, no audited delivery
        commitment(account, a, -8, "DELIVERED", null);
        commitment(account, a, -6, "VERIFIED", null);

        Map repA = figures(row(report(), "reps", "a-" + run));
        String page = dev.baton.support.SignedIn.as(http, "m-" + run)
                .getForObject("/reports/trust?from={f}&to={t}", String.class, today.minusDays(30), today.plusDays(30));

        // the fixture's 2 on time of 5 settled stay 40 %: the two undated ones count neither way
        assertThat(repA)
                .containsEntry("commitmentsSettled", 7)
                .containsEntry("deliveredOnTime", 2)
                .containsEntry("settledWithoutDeliveryDate", 2)
                .containsEntry("deliveredOnTimePct", 40.0);
        assertThat(page).contains("40.0 % (2/5)", "2 settled without a delivery date not counted");
    }

    @Test
    void anImportedDeliveryDateDatesTheDeliveryAsAnAuditedOneWould() {
        long rep = person("i-" + run, manager, "REP", true);
        long account = jdbc.queryForObject(
                "insert into account (name, owner_id) values (?, ?) returning id", Long.class, "Dated " + run, rep);
        imported(account, rep, -8, "DELIVERED", at(-9, 12)); // a day early: on time
        imported(account, rep, -6, "VERIFIED", at(-4, 12)); // two days late
        imported(account, rep, -5, "DELIVERED", null); // no date: not counted

        assertThat(figures(row(report(), "reps", "i-" + run)))
                .containsEntry("commitmentsSettled", 3)
                .containsEntry("deliveredOnTime", 1)
                .containsEntry("settledWithoutDeliveryDate", 1)
                .containsEntry("deliveredOnTimePct", 50.0);
    }

    /**
     * Found by a probe: the report judged on time, overdue and settled by the company's day, where the
     * process, the API's {@code overdue} and the escalation judge them by the owner's. A delivery at 19:00
     * in Los Angeles on the due day (03:00 UTC the next day) was late; one at 07:00 the day after in
     * Sydney (20:00 UTC on the due day, after the process had escalated it) on time; a promise due
     * yesterday in Sydney, overdue in the API, not counted overdue while it was still that day in UTC.
     * (The last fails without the fix whenever Sydney's or Los Angeles' day is not UTC's: before 08:00
     * and after 13:00 UTC.)
     */
    @Test
    void commitmentsAreOnTimeOverdueAndSettledByTheDayWhereTheirOwnerIs() {
        java.time.ZoneId losAngeles = java.time.ZoneId.of("America/Los_Angeles");
        java.time.ZoneId sydney = java.time.ZoneId.of("Australia/Sydney");
        long ravi = person("ravi-" + run, manager, "REP", true);
        long cora = person("cora-" + run, manager, "REP", true);
        jdbc.update("update person set time_zone = ? where id = ?", losAngeles.getId(), ravi);
        jdbc.update("update person set time_zone = ? where id = ?", sydney.getId(), cora);
        long account = jdbc.queryForObject(
                "insert into account (name, owner_id) values (?, ?) returning id", Long.class, "Zones " + run, ravi);
        LocalDate due = today.minusDays(10);
        // 19:00 on the due day in Los Angeles, 03:00 UTC the next day: on time
        imported(
                account,
                ravi,
                due,
                "DELIVERED",
                due.atTime(19, 0).atZone(losAngeles).toInstant(),
                "late-evening");
        // 07:00 the day after the due day in Sydney, the evening of the due day in UTC: late
        imported(
                account,
                cora,
                due,
                "DELIVERED",
                due.plusDays(1).atTime(7, 0).atZone(sydney).toInstant(),
                "early");
        // due yesterday in Sydney: overdue there, whatever day it is in UTC
        imported(account, cora, LocalDate.now(sydney).minusDays(1), "ACCEPTED", null, "yesterday");
        // due today in Los Angeles: not overdue there, whatever day it is in UTC
        imported(account, ravi, LocalDate.now(losAngeles), "ACCEPTED", null, "today");

        Map report = report();

        org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(figures(row(report, "reps", "ravi-" + run)))
                    .containsAllEntriesOf(
                            Map.of("commitmentsDue", 2, "commitmentsSettled", 1, "deliveredOnTime", 1, "overdue", 0));
            soft.assertThat(figures(row(report, "reps", "cora-" + run)))
                    .containsAllEntriesOf(
                            Map.of("commitmentsDue", 2, "commitmentsSettled", 2, "deliveredOnTime", 0, "overdue", 1));
        });
    }

    private void imported(
            long account, long owner, LocalDate due, String status, Instant deliveredAt, String externalId) {
        jdbc.update(
                "insert into commitment (account_id, description, made_by_id, owner_id, due_date, status,"
                        + " external_source, external_id, imported_delivered_at) values (?, 'imported', ?, ?, ?, ?,"
                        + " 'BATON', ?, ?)",
                account,
                owner,
                owner,
                due,
                status,
                "Z-" + run + "-" + externalId,
                ts(deliveredAt));
    }

    private void imported(long account, long owner, int dueInDays, String status, Instant deliveredAt) {
        imported(account, owner, today.plusDays(dueInDays), status, deliveredAt, "T" + dueInDays);
    }

    @Test
    void onlyUndatedDeliveriesGiveNoShareRatherThanNoneOnTime() {
        long rep = person("u-" + run, manager, "REP", true);
        long account = jdbc.queryForObject(
                "insert into account (name, owner_id) values (?, ?) returning id", Long.class, "Only " + run, rep);
        commitment(account, rep, -8, "DELIVERED", null);
        commitment(account, rep, -6, "DELIVERED", null);

        assertThat(figures(row(report(), "reps", "u-" + run)))
                .containsEntry("commitmentsSettled", 2)
                .containsEntry("settledWithoutDeliveryDate", 2)
                .containsEntry("deliveredOnTimePct", null);
    }

    @Test
    void everyTableExportsAsCsvWithAByteOrderMarkAndRepsCannotReadTheReport() {
        String teams = csv("teams");
        String trend = csv("trend");

        assertThat(teams)
                .startsWith("\uFEFFid,key,name,active,commitments_due,")
                .contains(",trust-" + run + ",Trust " + run + ",true,8,5,2,40.0,");
        assertThat(trend).startsWith("\uFEFFmonth,contacts,fresh_pct\r\n").contains(",4,50.0\r\n");
        assertThat(http.withBasicAuth("rob", "demo")
                        .getForEntity("/api/reports/trust", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(dev.baton.support.SignedIn.as(http, "m-" + run)
                        .getForObject(
                                "/reports/trust?from={f}&to={t}",
                                String.class,
                                today.minusDays(30),
                                today.plusDays(30)))
                .contains("Trust report", "40.0 % (2/5)", "chart.umd.min.js", "data-chart", "Person a-" + run);
    }

    @Test
    void theFreshnessTrendMatchesEachMonthWorkedOutFromTheContactsThemselves() {
        long account = jdbc.queryForObject(
                "insert into account (name, owner_id) values (?, ?) returning id", Long.class, "Trend Co " + run, a);
        Instant now = Instant.now();
        long audited = contact(account, days(now, -95), null);
        audit("contact.verified", "contact", audited, account, days(now, -80));
        audit("contact.verified", "contact", audited, account, days(now, -10));
        contact(account, days(now, -70), days(now, -40));
        contact(account, days(now, -500), days(now, -380)); // fresh until 15 days ago
        audit("contact.verified", "contact", contact(account, days(now, -30), days(now, -25)), account, days(now, -25));
        LocalDate from = today.minusDays(100);

        List<Map> trend = (List<Map>) http.withBasicAuth("m-" + run, "demo")
                .getForObject("/api/reports/trust?from={f}&to={t}", Map.class, from, today)
                .get("freshnessTrend");

        // every contact of the manager's line, with all its verifications, straight from the tables
        List<Map<String, Object>> contacts = jdbc.queryForList(
                "select c.id, c.created_at, c.last_verified_at from contact c join account a on a.id = c.account_id"
                        + " where a.owner_id in (?, ?)",
                a,
                b);
        List<String> expected = new java.util.ArrayList<>();
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(today); month = month.plusMonths(1)) {
            Instant end = month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant asOf = end.isAfter(now) ? Instant.now() : end;
            long existing = 0, fresh = 0;
            for (Map<String, Object> c : contacts) {
                if (((Timestamp) c.get("created_at")).toInstant().isAfter(asOf)) {
                    continue;
                }
                existing++;
                List<Instant> verified = new java.util.ArrayList<>(jdbc
                        .queryForList(
                                "select at from audit_event where action = 'contact.verified' and entity_id = ?",
                                Timestamp.class,
                                c.get("id"))
                        .stream()
                        .map(Timestamp::toInstant)
                        .toList());
                if (c.get("last_verified_at") != null) {
                    verified.add(((Timestamp) c.get("last_verified_at")).toInstant());
                }
                Instant windowStart = asOf.minus(java.time.Duration.ofDays(365));
                if (verified.stream().anyMatch(t -> t.isAfter(windowStart) && !t.isAfter(asOf))) {
                    fresh++;
                }
            }
            expected.add(month + " " + existing + " " + Math.round(1000.0 * fresh / existing) / 10.0);
        }
        assertThat(trend)
                .extracting(m -> m.get("month") + " " + m.get("contacts") + " " + m.get("freshPct"))
                .containsExactlyElementsOf(expected);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
    }

    private static Instant days(Instant from, int days) {
        return from.plus(java.time.Duration.ofDays(days));
    }

    private void audit(String action, String entityType, long entityId, long account, Instant at) {
        jdbc.update(
                "insert into audit_event (at, actor, action, entity_type, entity_id, account_id)"
                        + " values (?, 'x', ?, ?, ?, ?)",
                Timestamp.from(at),
                action,
                entityType,
                entityId,
                account);
    }

    private long contact(long account, Instant created, Instant verified) {
        return jdbc.queryForObject(
                "insert into contact (account_id, full_name, created_at, last_verified_at) values (?, 'T', ?, ?)"
                        + " returning id",
                Long.class,
                account,
                Timestamp.from(created),
                ts(verified));
    }

    /** One table of the manager's report as CSV, over the fixture's period. */
    private String csv(String table) {
        return http.withBasicAuth("m-" + run, "demo")
                .getForObject(
                        "/api/reports/trust.csv?table={table}&from={f}&to={t}",
                        String.class,
                        table,
                        today.minusDays(30),
                        today.plusDays(30));
    }

    private Map report() {
        return http.withBasicAuth("m-" + run, "demo")
                .getForObject("/api/reports/trust?from={f}&to={t}", Map.class, today.minusDays(30), today.plusDays(30));
    }

    private static Map row(Map report, String table, String key) {
        return ((List<Map>) report.get(table))
                .stream().filter(r -> key.equals(r.get("key"))).findFirst().orElseThrow();
    }

    private static Map figures(Map row) {
        return (Map) row.get("figures");
    }

    private Instant at(int days, int hour) {
        return today.plusDays(days).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private long person(String username, Long managerId, String role, boolean active) {
        String hash = jdbc.queryForObject("select password_hash from person where username = 'ada'", String.class);
        long id = jdbc.queryForObject(
                "insert into person (username, email, full_name, password_hash, team_id, manager_id, active)"
                        + " values (?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class,
                username,
                username + "@t.example",
                "Person " + username,
                hash,
                team,
                managerId,
                active);
        jdbc.update("insert into person_role (person_id, role) values (?, ?)", id, role);
        return id;
    }

    private void commitment(long account, long owner, int dueInDays, String status, Integer deliveredInDays) {
        long id = jdbc.queryForObject(
                "insert into commitment (account_id, description, made_by_id, owner_id, due_date, status)"
                        + " values (?, 'promise', ?, ?, ?, ?) returning id",
                Long.class,
                account,
                owner,
                owner,
                today.plusDays(dueInDays),
                status);
        if (deliveredInDays != null) {
            audit("commitment.delivered", "commitment", id, account, at(deliveredInDays, 12));
        }
    }

    private long handover(long departing, int launchedInDays, int completedInDays) {
        return jdbc.queryForObject(
                "insert into handover (departing_id, launched_by, reason, effective_date, status, created_at,"
                        + " completed_at) values (?, 'x', 'LEAVING', ?, 'COMPLETED', ?, ?) returning id",
                Long.class,
                departing,
                today.plusDays(launchedInDays),
                Timestamp.from(at(launchedInDays, 12)),
                Timestamp.from(at(completedInDays, 12)));
    }

    private void item(
            long handover,
            long account,
            long successor,
            boolean note,
            Instant acknowledged,
            Instant introSent,
            Instant callHeld) {
        jdbc.update(
                "insert into handover_item (handover_id, account_id, successor_id, step, note, acknowledged_at, intro_sent_at,"
                        + " call_held_at) values (?, ?, ?, 'DONE', ?::jsonb, ?, ?, ?)",
                handover,
                account,
                successor,
                note ? "{\"summary\": \"x\"}" : null,
                ts(acknowledged),
                ts(introSent),
                ts(callHeld));
    }

    private void task(String username, Instant due, Instant completed) {
        long key = Math.abs(UUID.randomUUID().getMostSignificantBits());
        jdbc.update(
                "insert into task (job_key, process_instance_key, element_instance_key, bpmn_process_id, process_version,"
                        + " element_id, name, assignee, status, due_at, completed_by, completed_at, lock_expires_at)"
                        + " values (?, ?, ?, 'p', 1, 'e', 'Task', ?, 'COMPLETED', ?, ?, ?, now())",
                key,
                key,
                key,
                username,
                ts(due),
                username,
                ts(completed));
    }

    private long contact(long account, Instant verified) {
        return jdbc.queryForObject(
                "insert into contact (account_id, full_name, last_verified_at) values (?, 'C', ?) returning id",
                Long.class,
                account,
                ts(verified));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
