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
                "%nloaded %,d commitments, %,d accounts, %,d contacts in %.1f s%n",
                COMMITMENTS, ACCOUNTS, ACCOUNTS * 3, (System.nanoTime() - started) / 1e9);
        String period = "from=" + java.time.LocalDate.now().minusDays(90) + "&to=" + java.time.LocalDate.now();
        compare(
                "trust report",
                () -> http.withBasicAuth("ada", "demo").getForObject("/api/reports/trust?" + period, String.class),
                () -> jdbc.queryForList("""
            select owner_id, count(*), count(*) filter (where status in ('PROPOSED', 'ACCEPTED') and due_date < current_date),
              count(*) filter (where status = 'BREACHED') from commitment
            where due_date between current_date - 90 and current_date and status <> 'CANCELLED' group by owner_id"""));
        compare(
                "data quality",
                () -> http.withBasicAuth("ada", "demo").getForObject("/api/data-quality", String.class),
                () -> jdbc.queryForList(
                        "select a.owner_id, count(*) from contact c join account a on a.id = c.account_id"
                                + " where c.last_verified_at is null or c.last_verified_at < now() - interval '365 days' group by a.owner_id"));
    }

    private static void compare(String name, Supplier<Object> api, Supplier<Object> raw) {
        double[] viaApi = Timings.p50p95(RUNS, api);
        double[] viaSql = Timings.p50p95(RUNS, raw);
        System.out.printf(
                "%-14s API p50 %8.1f ms p95 %8.1f ms | raw SQL p50 %8.1f ms p95 %8.1f ms%n",
                name, viaApi[0], viaApi[1], viaSql[0], viaSql[1]);
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
        for (String table : List.of("commitment", "account", "contact", "person")) {
            jdbc.execute("analyze " + table);
        }
    }
}
