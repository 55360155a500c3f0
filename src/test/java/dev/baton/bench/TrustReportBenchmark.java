package dev.baton.bench;

import dev.baton.account.DuplicateContacts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The trust report and the data-quality summary over {@code bench.commitments} commitments (default
 * 1,000,000) on {@code bench.accounts} accounts (default 100,000, three contacts each): p50/p95 through
 * the API (as an admin, the widest view) and through the service beside the raw SQL that yields the
 * same figures, all timed in turn within each run. The data-quality summary's close-name pass has no
 * SQL counterpart: it is timed on its own, as plain Java over the contacts, and added to the raw SQL
 * for a second ratio. Prints figures; asserts nothing (see README, Benchmarks).
 * Run: ./mvnw -B verify -Dbenchmark.excludedGroups= -Dgroups=benchmark -Dtest=TrustReportBenchmark
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustReportBenchmark {

    static final int COMMITMENTS = Integer.getInteger("bench.commitments", 1_000_000);
    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    static final int RUNS = Integer.getInteger("bench.runs", 20);
    /** false: measure a database loaded by an earlier run (an external one, spring.datasource.url). */
    static final boolean LOAD = !"false".equals(System.getProperty("bench.load"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void reportAndDataQualityAtScale() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        if (LOAD) {
            load(run);
        }
        System.out.printf(
                "%nloaded %,d commitments, %,d accounts, %,d contacts in %.1f s; load average %s%n",
                COMMITMENTS, ACCOUNTS, ACCOUNTS * 3, (System.nanoTime() - started) / 1e9, Timings.loadAverage());
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var from = today.minusDays(89);
        String period = "from=" + from + "&to=" + today;
        Object[] months = months(from, today);
        compare(
                "trust report",
                () -> api("/api/reports/trust?" + period),
                () -> reportService.report(from, today, "ada", true),
                () -> jdbc.queryForList(COMMITMENTS_SQL, from, today),
                () -> {
                    jdbc.queryForList(PEOPLE_SQL);
                    jdbc.queryForList(COMMITMENTS_SQL, from, today);
                    jdbc.queryForList(FRESHNESS_SQL, months);
                    jdbc.queryForList(HANDOVERS_SQL, from, today);
                    jdbc.queryForList(HANDOVER_ITEMS_SQL, from, today);
                    jdbc.queryForList(LEADS_SQL, from, today);
                    return jdbc.queryForList(TASKS_SQL, from, today);
                },
                null);
        Supplier<Object> qualitySql = () -> {
            jdbc.queryForList(PEOPLE_SQL);
            jdbc.queryForList(CONTACTS_SQL);
            jdbc.queryForList(ACCOUNTS_SQL);
            jdbc.queryForList(UNOWNED_SQL);
            return jdbc.queryForList(SAME_EMAIL_SQL);
        };
        compare(
                "data quality",
                () -> api("/api/data-quality"),
                () -> qualityService.summary("ada"),
                () -> jdbc.queryForList(CONTACTS_SQL),
                qualitySql,
                () -> {
                    qualitySql.get();
                    return closeNamePairs();
                });
        System.out.printf(
                "data-quality totals through the service %s; raw SQL: stale, unreachable %s, no owner, owner left,"
                        + " no primary contact %s, commitments without an active owner %s, same-e-mail pairs %s;"
                        + " close-name pairs (raw pass) %,d%n",
                qualityService.summary("ada").totals(),
                jdbc.queryForList("select sum(s) s, sum(u) u from (" + CONTACTS_SQL + ") x (o, s, u)")
                        .getFirst()
                        .values(),
                jdbc.queryForList("select sum(n) n, sum(l) l, sum(p) p from (" + ACCOUNTS_SQL + ") x (o, n, l, p)")
                        .getFirst()
                        .values(),
                jdbc.queryForObject("select sum(n) from (" + UNOWNED_SQL + ") x (o, n)", Long.class),
                jdbc.queryForObject("select sum(n) from (" + SAME_EMAIL_SQL + ") x (o, n)", Long.class),
                closeNamePairs());
        System.out.printf("load average after: %s%n", Timings.loadAverage());
    }

    private String api(String path) {
        return http.withBasicAuth("ada", "demo").getForObject(path, String.class);
    }

    // The raw side: the simplest SQL that yields the same figures, run straight through JDBC, UTC.

    /** Everyone with their team: the report adds reps up by team, the summary names owners. */
    static final String PEOPLE_SQL =
            "select p.id, p.full_name, p.active, t.id, t.key from person p" + " left join team t on t.id = p.team_id";

    /**
     * Commitments due in the period per owner: due, settled, delivered on time (by its audit event), without one,
     * overdue, ...; each day the owner's (their zone, else the company's).
     */
    static final String COMMITMENTS_SQL = """
        select c.owner_id, count(*), count(*) filter (where c.due_date < (now() at time zone coalesce(p.time_zone, 'UTC'))::date or c.status in ('DELIVERED', 'VERIFIED')),
          count(*) filter (where c.status in ('DELIVERED', 'VERIFIED') and (coalesce((select min(e.at)
            from audit_event e where e.entity_type = 'commitment' and e.entity_id = c.id and e.action = 'commitment.delivered'),
            c.imported_delivered_at) at time zone coalesce(p.time_zone, 'UTC'))::date <= c.due_date),
          count(*) filter (where c.status in ('DELIVERED', 'VERIFIED') and c.imported_delivered_at is null and not exists (select 1
            from audit_event e where e.entity_type = 'commitment' and e.entity_id = c.id and e.action = 'commitment.delivered')),
          count(*) filter (where c.status in ('PROPOSED', 'ACCEPTED') and c.due_date < (now() at time zone coalesce(p.time_zone, 'UTC'))::date),
          count(*) filter (where c.status = 'BREACHED'),
          count(*) filter (where c.status in ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'REJECTED') and (p.id is null or not p.active)),
          count(*) filter (where c.status = 'REJECTED')
        from commitment c left join person p on p.id = c.owner_id
        where c.due_date between ? and ? and c.status <> 'CANCELLED' group by c.owner_id""";

    /**
     * Contacts (and those verified within 365 days, by an audited verification or the last one known)
     * per owner at the end of each month of the period. The months go in as arrays, not materialized: a
     * generate_series is estimated at 1,000 rows and turns the joins into nested loops, and a CTE read
     * twice is materialized and keeps the scan of contacts from running in parallel (seconds, either
     * way, that are not the figures' cost).
     */
    static final String FRESHNESS_SQL = """
        with m as not materialized (select * from unnest(?::date[], ?::timestamptz[]) m (mon, month_end)),
        v as (select distinct m.mon, e.entity_id contact_id from m join audit_event e on e.action = 'contact.verified'
          and e.entity_type = 'contact' and e.at > m.month_end - interval '365 days' and e.at <= m.month_end)
        select m.mon, a.owner_id, count(*), count(*) filter (where v.contact_id is not null
          or c.last_verified_at > m.month_end - interval '365 days' and c.last_verified_at <= m.month_end)
        from m join contact c on c.created_at <= m.month_end join account a on a.id = c.account_id
        left join v on v.mon = m.mon and v.contact_id = c.id group by 1, 2""";

    static final String HANDOVERS_SQL = """
        select departing_id, extract(epoch from completed_at - created_at) / 3600 from handover
        where status = 'COMPLETED' and completed_at >= ?::date and completed_at < ?::date + 1""";

    /** The accounts of those handovers: under the departing rep (with a note), under the successor (acknowledged first, call in time). */
    static final String HANDOVER_ITEMS_SQL = """
        select p.person_id, sum(p.departed), sum(p.noted), sum(p.received), sum(p.ack_first), sum(p.call_in_time)
        from handover h join handover_item i on i.handover_id = h.id,
        lateral (values (h.departing_id, 1, (i.note is not null)::int, 0, 0, 0),
          (i.successor_id, 0, 0, 1, (i.acknowledged_at <= coalesce(case when i.intro_failed_at is null then i.intro_sent_at end,
            i.call_held_at, i.acknowledged_at))::int, (i.call_held_at <= i.acknowledged_at + interval '5 days')::int))
          p (person_id, departed, noted, received, ack_first, call_in_time)
        where h.status = 'COMPLETED' and h.completed_at >= ?::date and h.completed_at < ?::date + 1 and p.person_id is not null
        group by 1""";

    static final String TASKS_SQL = """
        select coalesce(completed_by, assignee), count(*), count(*) filter (where completed_at <= due_at) from task
        where status = 'COMPLETED' and due_at is not null and completed_at >= ?::date and completed_at < ?::date + 1
        group by 1""";

    /**
     * Leads whose first touch fell due in the period per owner who held it when it was decided (the audited
     * assignment before that, else the owner now): due, judged (touched or past due), touched in time.
     */
    static final String LEADS_SQL = """
        select coalesce(p.id, l.owner_id), count(*), count(*) filter (where l.judged),
          count(*) filter (where first_touched_at <= first_touch_due_at)
        from (select *, first_touched_at is not null or first_touch_due_at < now() judged,
              least(first_touched_at, first_touch_due_at) decided_at from lead
              where first_touch_due_at >= ?::date and first_touch_due_at < ?::date + 1) l
        left join lateral (select e.after_state ->> 'owner' username from audit_event e
              where l.judged and l.decided_at < l.assigned_at and e.entity_type = 'lead' and e.entity_id = l.id
              and e.action = 'lead.assigned' and e.at <= l.decided_at order by e.at desc, e.id desc limit 1) h on true
        left join person p on p.username = h.username
        group by 1""";

    /** Stale contacts and contacts with neither e-mail nor phone, per account owner. */
    static final String CONTACTS_SQL = """
        select a.owner_id, count(*) filter (where c.last_verified_at is null or c.last_verified_at < now() - interval '365 days'),
          count(*) filter (where coalesce(c.email, '') = '' and coalesce(c.phone, '') = '')
        from contact c join account a on a.id = c.account_id group by a.owner_id""";

    static final String ACCOUNTS_SQL = """
        select a.owner_id, count(*) filter (where a.owner_id is null), count(*) filter (where not p.active),
          count(*) filter (where not exists (select 1 from contact c where c.account_id = a.id and c.primary_contact))
        from account a left join person p on p.id = a.owner_id group by 1""";

    static final String UNOWNED_SQL = """
        select a.owner_id, count(*) from commitment c join account a on a.id = c.account_id
        left join person p on p.id = c.owner_id
        where c.status in ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'REJECTED') and (c.owner_id is null or not p.active)
        group by 1""";

    /** Likely duplicates by e-mail only: close names (Jaro-Winkler) have no SQL of their own, see {@link #closeNamePairs}. */
    static final String SAME_EMAIL_SQL = """
        select a.owner_id, count(*) from contact b join contact c on c.account_id = b.account_id and c.id > b.id
          and lower(c.email) = lower(b.email) join account a on a.id = b.account_id group by 1""";

    /**
     * The part of the data-quality summary SQL cannot do, as plainly as it can be written: every
     * contact's name, by account, each pair at an account compared with Jaro-Winkler (commons-text) once
     * normalised as Baton does. Returns how many pairs are close.
     */
    private long closeNamePairs() {
        long[] close = {0};
        List<String> names = new ArrayList<>();
        long[] account = {-1};
        Runnable pairs = () -> {
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    if (SIMILARITY.apply(names.get(i), names.get(j)) >= DuplicateContacts.CLOSE_NAMES) {
                        close[0]++;
                    }
                }
            }
            names.clear();
        };
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement("select account_id, full_name from contact order by account_id");
                    ps.setFetchSize(10_000);
                    return ps;
                },
                (RowCallbackHandler) rs -> {
                    if (rs.getLong(1) != account[0]) {
                        pairs.run();
                        account[0] = rs.getLong(1);
                    }
                    names.add(DuplicateContacts.normalise(rs.getString(2)));
                });
        pairs.run();
        return close[0];
    }

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    /** The months of [from, to] and when each ends (now, for the running one), as the report counts them in UTC. */
    private static Object[] months(java.time.LocalDate from, java.time.LocalDate to) {
        List<String> months = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (var m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            var end = m.plusMonths(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            months.add(m.toString());
            ends.add('"' + (end.isBefore(now) ? end : now).toString() + '"');
        }
        return new Object[] {"{" + String.join(",", months) + "}", "{" + String.join(",", ends) + "}"};
    }

    @Autowired
    dev.baton.report.TrustReportService reportService;

    @Autowired
    dev.baton.quality.QualityService qualityService;

    /**
     * p50/p95, interleaved, through the HTTP API, of the API's fixed cost (GET /api/people/me: HTTP
     * Basic's password check and one person read), through the service, and of the raw side: the first
     * aggregate alone, all the SQL of the same figures, and (data quality) that SQL and the close-name
     * pass, which has no SQL counterpart.
     */
    private void compare(
            String name,
            Supplier<Object> api,
            Supplier<Object> service,
            Supplier<Object> one,
            Supplier<Object> all,
            Supplier<Object> allAndCloseNames) {
        List<Supplier<?>> calls = new ArrayList<>(List.of(api, () -> api("/api/people/me"), service, one, all));
        if (allAndCloseNames != null) {
            calls.add(allAndCloseNames);
        }
        // each call takes 100s of ms: a few rounds compile the request path, and 300 would take an hour
        double[][] t = Timings.interleaved(RUNS, Integer.getInteger("bench.warm-up", 5), calls);
        System.out.printf(
                "%-13s API p50 %7.1f p95 %7.1f ms (API floor p50 %5.1f p95 %5.1f) | service p50 %7.1f p95 %7.1f"
                        + " | raw SQL, same figures p50 %7.1f p95 %7.1f | raw SQL, first aggregate only p50 %7.1f"
                        + " p95 %7.1f | API/raw p95 %.2f (first aggregate %.2f)%n",
                name,
                t[0][0],
                t[0][1],
                t[1][0],
                t[1][1],
                t[2][0],
                t[2][1],
                t[4][0],
                t[4][1],
                t[3][0],
                t[3][1],
                t[0][1] / t[4][1],
                t[0][1] / t[3][1]);
        if (allAndCloseNames != null) {
            System.out.printf(
                    "%-13s raw SQL and the close-name pass (Java) p50 %7.1f p95 %7.1f ms | API/that p95 %.2f%n",
                    name, t[5][0], t[5][1], t[0][1] / t[5][1]);
        }
    }

    /** People, accounts, contacts and commitments of its own, each in one generate_series insert. */
    private void load(String run) {
        jdbc.update(
                "insert into team (key, name) select 'bench-t' || g || '-' || ?, 'Bench team ' || g"
                        + " from generate_series(1, 10) g",
                run);
        jdbc.update("""
        insert into person (username, email, full_name, password_hash, team_id)
        select 'bench-p' || g || '-' || ?, 'bench-p' || g || '-' || ? || '@example.com', 'Bench ' || g, 'x',
          (select min(id) from team where key like 'bench-%-' || ?) + g % 10
        from generate_series(1, 500) g""", run, run, run);
        jdbc.update("""
        with p as (select array_agg(id order by id) ids from person where username like 'bench-%-' || ?)
        insert into account (name, owner_id) select 'Bench ' || ? || ' ' || g, case when g % 100 = 0 then null else p.ids[1 + g % 500] end
        from generate_series(1, ?) g, p""", run, run, ACCOUNTS);
        jdbc.update("""
        insert into contact (account_id, full_name, email, last_verified_at, primary_contact)
        select a.id, 'Contact ' || k || ' of ' || a.id, case when k = 2 then null else 'c' || k || '.' || a.id || '@example.com' end,
          case when k = 1 then now() - (a.id % 700) * interval '1 day' end, k = 1 and a.id % 3 = 0
        from account a, generate_series(1, 3) k where a.name like 'Bench ' || ? || ' %'""", run);
        jdbc.update("""
        with p as (select array_agg(id order by id) ids from person where username like 'bench-%-' || ?),
             a as (select array_agg(id order by id) ids from account where name like 'Bench ' || ? || ' %')
        insert into commitment (account_id, description, made_by_id, owner_id, due_date, status)
        select a.ids[1 + g % ?], 'Promise ' || g, p.ids[1 + g % 500],
               case when g % 50 = 0 then null else p.ids[1 + (g * 7) % 500] end, current_date + (g % 400) - 200,
               (array['PROPOSED','ACCEPTED','DELIVERED','VERIFIED','REJECTED','BREACHED','CANCELLED'])[1 + g % 7]
        from generate_series(1, ?) g, p, a""", run, run, ACCOUNTS, COMMITMENTS);
        jdbc.update("update person set active = false where username like 'bench-p%-' || ? and id % 100 = 0", run);
        // as autovacuum would have done by the time anyone asks for a report: statistics and visibility map
        for (String table : List.of("commitment", "account", "contact", "person", "audit_event")) {
            jdbc.execute("vacuum analyze " + table);
        }
    }
}
