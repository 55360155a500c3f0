package dev.baton.bench;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trust report and the data-quality summary over {@code bench.commitments} commitments (default
 * 1,000,000) on {@code bench.accounts} accounts (default 100,000, three contacts each): p50/p95 through
 * the API (as an admin, the widest view) beside the raw SQL aggregate of the commitment figures and of
 * the stale-contact count on the same indexes. Prints figures; asserts nothing (see README, Benchmarks).
 * Run: ./mvnw -B verify -Dbenchmark.excludedGroups= -Dgroups=benchmark -Dtest=TrustReportBenchmark
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrustReportBenchmark {

    static final int COMMITMENTS = Integer.getInteger("bench.commitments", 1_000_000);
    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    static final int RUNS = Integer.getInteger("bench.runs", 20);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void reportAndDataQualityAtScale() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        load(run);
        System.out.printf(
                "%nloaded %,d commitments, %,d accounts, %,d contacts in %.1f s; load average %s%n",
                COMMITMENTS, ACCOUNTS, ACCOUNTS * 3, (System.nanoTime() - started) / 1e9, Timings.loadAverage());
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var from = today.minusDays(89);
        String period = "from=" + from + "&to=" + today;
        compare(
                "trust report",
                () -> http.withBasicAuth("ada", "demo").getForObject("/api/reports/trust?" + period, String.class),
                () -> reportService.report(from, today, "ada", true),
                () -> jdbc.queryForList(COMMITMENTS_SQL),
                () -> {
                    jdbc.queryForList(COMMITMENTS_SQL);
                    jdbc.queryForList(FRESHNESS_SQL, from, today);
                    jdbc.queryForList(HANDOVERS_SQL, from, today);
                    return jdbc.queryForList(TASKS_SQL, from, today);
                });
        compare(
                "data quality",
                () -> http.withBasicAuth("ada", "demo").getForObject("/api/data-quality", String.class),
                () -> qualityService.summary("ada"),
                () -> jdbc.queryForList(STALE_SQL),
                () -> {
                    jdbc.queryForList(STALE_SQL);
                    jdbc.queryForList(ACCOUNTS_SQL);
                    jdbc.queryForList(UNOWNED_SQL);
                    return jdbc.queryForList(SAME_EMAIL_SQL);
                });
        System.out.printf("load average after: %s%n", Timings.loadAverage());
    }

    // The raw side: the simplest SQL that yields the same figures, run straight through JDBC.

    /** Commitments due in the period per owner: the aggregate the report's first figures come from. */
    static final String COMMITMENTS_SQL = """
        select owner_id, count(*), count(*) filter (where status in ('PROPOSED', 'ACCEPTED') and due_date < current_date),
          count(*) filter (where status = 'BREACHED') from commitment
        where due_date between current_date - 89 and current_date and status <> 'CANCELLED' group by owner_id""";

    /** Contacts (and those verified within 365 days) per owner at the end of each month of the period. */
    static final String FRESHNESS_SQL = """
        with m as (select d::date mon, least(d + interval '1 month', now()) month_end
          from generate_series(date_trunc('month', ?::date), date_trunc('month', ?::date), interval '1 month') d)
        select m.mon, a.owner_id, count(*), count(*) filter (where c.last_verified_at > m.month_end - interval '365 days'
          and c.last_verified_at <= m.month_end)
        from m join contact c on c.created_at <= m.month_end join account a on a.id = c.account_id group by 1, 2""";

    static final String HANDOVERS_SQL = """
        select h.departing_id, count(*), count(i.note) from handover h join handover_item i on i.handover_id = h.id
        where h.status = 'COMPLETED' and h.completed_at >= ?::date and h.completed_at < ?::date + 1 group by 1""";

    static final String TASKS_SQL = """
        select assignee, count(*), count(*) filter (where completed_at <= due_at) from task
        where status = 'COMPLETED' and due_at is not null and completed_at >= ?::date and completed_at < ?::date + 1
        group by 1""";

    static final String STALE_SQL = "select a.owner_id, count(*) from contact c join account a on a.id = c.account_id"
            + " where c.last_verified_at is null or c.last_verified_at < now() - interval '365 days' group by a.owner_id";

    static final String ACCOUNTS_SQL = """
        select a.owner_id, count(*) filter (where a.owner_id is null), count(*) filter (where not p.active),
          count(*) filter (where not exists (select 1 from contact c where c.account_id = a.id and c.primary_contact))
        from account a left join person p on p.id = a.owner_id group by 1""";

    static final String UNOWNED_SQL = """
        select a.owner_id, count(*) from commitment c join account a on a.id = c.account_id
        left join person p on p.id = c.owner_id
        where c.status in ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'REJECTED') and (c.owner_id is null or not p.active)
        group by 1""";

    /** Likely duplicates by e-mail only: close names (Jaro-Winkler) have no SQL of their own. */
    static final String SAME_EMAIL_SQL = """
        select a.owner_id, count(*) from contact b join contact c on c.account_id = b.account_id and c.id > b.id
          and lower(c.email) = lower(b.email) join account a on a.id = b.account_id group by 1""";

    @Autowired
    dev.baton.report.TrustReportService reportService;

    @Autowired
    dev.baton.quality.QualityService qualityService;

    /** p50/p95 through the HTTP API, through the service, and of the raw SQL: one aggregate, and all of them. */
    private static void compare(
            String name, Supplier<Object> api, Supplier<Object> service, Supplier<Object> one, Supplier<Object> all) {
        double[] viaApi = Timings.p50p95(RUNS, api);
        double[] viaService = Timings.p50p95(RUNS, service);
        double[] viaOne = Timings.p50p95(RUNS, one);
        double[] viaAll = Timings.p50p95(RUNS, all);
        System.out.printf(
                "%-13s API p50 %7.1f p95 %7.1f ms | service p50 %7.1f p95 %7.1f | raw SQL, same figures p50 %7.1f"
                        + " p95 %7.1f | raw SQL, first aggregate only p50 %7.1f p95 %7.1f | API/raw p95 %.2f (%.2f)%n",
                name,
                viaApi[0],
                viaApi[1],
                viaService[0],
                viaService[1],
                viaAll[0],
                viaAll[1],
                viaOne[0],
                viaOne[1],
                viaApi[1] / viaAll[1],
                viaApi[1] / viaOne[1]);
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
