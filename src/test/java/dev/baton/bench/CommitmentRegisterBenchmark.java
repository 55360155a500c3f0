package dev.baton.bench;

import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentService;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The commitment register at {@code bench.commitments} commitments (default 1,000,000): p50/p95 of the
 * common filters through the HTTP API ({@code GET /api/commitments}) and through the service (first page
 * of 50 by due date, plus its count query, as the page and the API ask) beside the raw SQL for the same
 * rows (no count; the aim's comparison) and for the rows with their count, plus each raw query's plan; "floor" is {@code GET /api/people/me}, what any API call
 * costs here before its own query. The API's caller has a bcrypt password, as a real user does: its
 * first call pays bcrypt, the rest find the check remembered (RememberedPasswordChecks). The API's
 * calls are also timed inside the server, from the first servlet filter in to the response written
 * ({@link ServerTimes}), which leaves out the client, the loopback and Tomcat's reading of the request.
 * Prints figures; asserts nothing (see README, Benchmarks).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitmentRegisterBenchmark {

    static final int COMMITMENTS = Integer.getInteger("bench.commitments", 1_000_000);
    static final int RUNS = Integer.getInteger("bench.runs", 200);
    static final String OPEN_AWAITING = "status in ('PROPOSED', 'ACCEPTED')";
    /** {@code CommitmentStatus.OPEN}: rejected ones are still owed (V19). */
    static final String OPEN = "status in ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'REJECTED')";
    /** The register's first page: 50 by due date. */
    static final String PAGE = " order by due_date, id limit 50";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommitmentService commitments;

    @Autowired
    TestRestTemplate http;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ServerTimes serverTimes;

    private TestRestTemplate api;

    /**
     * Milliseconds each request spent in the servlet filters and below, by path and query, in the
     * order they ended: the part of an API call's time that is Baton's (sign-in, Spring MVC, the
     * query, JSON), without the client's.
     */
    static final class ServerTimes {
        private final Map<String, List<Double>> byRequest = new ConcurrentHashMap<>();

        void clear() {
            byRequest.clear();
        }

        /** p50 and p95 of the last {@code runs} requests to {@code pathAndQuery}, as {@link Timings} gives them. */
        double[] p50p95(String pathAndQuery, int runs) {
            List<Double> all = byRequest.getOrDefault(pathAndQuery, List.of());
            double[] sorted = all.subList(Math.max(0, all.size() - runs), all.size()).stream()
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            return sorted.length == 0
                    ? new double[] {Double.NaN, Double.NaN}
                    : new double[] {sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]};
        }
    }

    @TestConfiguration
    static class ServerTiming {
        @Bean
        ServerTimes serverTimes() {
            return new ServerTimes();
        }

        @Bean
        FilterRegistrationBean<Filter> serverTimingFilter(ServerTimes times) {
            Filter timing = (request, response, chain) -> {
                long started = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    var http = (HttpServletRequest) request;
                    String key =
                            http.getRequestURI() + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
                    times.byRequest
                            .computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add((System.nanoTime() - started) / 1e6);
                }
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(timing);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Test
    void registerFiltersAtAMillionCommitments() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        load(run);
        System.out.printf(
                "%nloaded %,d commitments in %.1f s; load average %s%n",
                COMMITMENTS, (System.nanoTime() - started) / 1e9, Timings.loadAverage());
        long team = id("select min(id) from team where key like 'bench-%-" + run + "'");
        // an active owner with commitments (the first bench person owns none: see load)
        long owner = id("select min(owner_id) from commitment c join person p on p.id = c.owner_id"
                + " where p.active and p.username like 'bench-%-" + run + "'");
        long account = id("select min(id) from account where name like 'Bench " + run + " %'");
        // one client, signed in as one of the bench people: its connections are kept between calls
        api = http.withBasicAuth(
                jdbc.queryForObject(
                        "select min(username) from person where active and username like 'bench-p%-' || ?",
                        String.class, run),
                "x");

        Runnable everyFilter = () -> {
            compare(
                    "overdue by team",
                    "team=" + team + "&overdue=true",
                    new CommitmentFilter(null, null, team, null, true, false),
                    "delivering_team_id = " + team + " and " + OPEN_AWAITING + " and due_date < current_date");
            // the service reads the inactive people first, then takes the first 50 of two index-ordered parts
            // (no owner; each inactive owner) and counts each part apart (see RegisterQuery): so does the raw SQL
            String inactive =
                    String.join(", ", jdbc.queryForList("select id::text from person where not active", String.class));
            compare(
                    "unowned",
                    "unowned=true",
                    new CommitmentFilter(null, null, null, null, false, true),
                    "select * from ((select * from commitment where owner_id is null and " + OPEN + PAGE
                            + ") union all (select x.* from unnest(array[" + inactive + "]::bigint[]) i(id)"
                            + " cross join lateral (select * from commitment where owner_id = i.id and " + OPEN + PAGE
                            + ") x)) c" + PAGE,
                    "select (select count(1) from commitment where owner_id is null and " + OPEN
                            + ") + (select count(1) from commitment where owner_id in (" + inactive + ") and " + OPEN
                            + ")");
            compare(
                    "by owner, by due",
                    "owner=" + owner,
                    new CommitmentFilter(null, owner, null, null, false, false),
                    "owner_id = " + owner);
            compare("by account", "account=" + account, CommitmentFilter.ofAccount(account), "account_id = " + account);
        };
        // every filter once untimed first: the JIT compiles the API's path (Tomcat, Spring MVC, security,
        // Jackson) over the first few thousand calls, and whichever filter came first was timed beside the
        // compilers (its floor, GET /api/people/me, was twice the last filter's, whatever the order)
        printing = false;
        everyFilter.run();
        printing = true;
        everyFilter.run();
        System.out.printf("load average after: %s%n", Timings.loadAverage());
    }

    /** A filter whose raw SQL is one condition on {@code commitment}: its first page and its count. */
    private void compare(String name, String query, CommitmentFilter filter, String where) {
        compare(
                name,
                query,
                filter,
                "select * from commitment where " + where + PAGE,
                "select count(1) from commitment where " + where);
    }

    /**
     * @param sql the raw first page of 50 by due date
     * @param count the raw count of every matching row (one number)
     */
    /** Off for the untimed pass over every filter: its figures are not printed. */
    private boolean printing = true;

    private void compare(String name, String query, CommitmentFilter filter, String sql, String count) {
        var page = PageRequest.of(0, 50, Sort.by("dueDate", "id"));
        // what the page answers with: its rows and how many match, the count PostgreSQL runs once
        String counted = "select p.*, (" + count + ") total from (" + sql + ") p";
        String list = "/api/commitments?size=50&" + query;
        serverTimes.clear();
        double[][] t = Timings.interleaved(
                RUNS,
                List.of(
                        () -> api.getForObject(list, String.class),
                        () -> commitments.find(filter, page).getTotalElements(),
                        () -> jdbc.queryForList(sql),
                        () -> api.getForObject(Timings.FLOOR, String.class),
                        () -> jdbc.queryForList(counted)));
        if (!printing) {
            return;
        }
        System.out.printf("%-18s %s%n", name, Timings.row(t));
        System.out.printf("%-18s against raw SQL with the count: %s%n", "", Timings.row(t[0], t[1], t[4]));
        double[] server = serverTimes.p50p95(list, RUNS);
        double[] floor = serverTimes.p50p95(Timings.FLOOR, RUNS);
        System.out.printf(
                "%-18s inside the server: API p50 %7.2f p95 %7.2f ms (%s) | floor p50 %.2f p95 %.2f%n",
                "", server[0], server[1], Timings.aim(server[1], t[2][1]), floor[0], floor[1]);
        jdbc.queryForList("explain " + sql, String.class).forEach(line -> System.out.println("    " + line));
    }

    /**
     * Its own teams, people and accounts, then the commitments in one generate_series insert. The due
     * date comes from a hash of the row number, not from the number itself: owner, team and account are
     * residues of it, and a due date that was one too gave each owner four due dates in all (PostgreSQL
     * then walked the due-date index for seconds looking for one owner's first 50).
     */
    private void load(String run) {
        jdbc.update(
                "insert into team (key, name) select 'bench-t' || g || '-' || ?, 'Bench team ' || g"
                        + " from generate_series(1, 10) g",
                run);
        jdbc.update(
                "insert into person (username, email, full_name, password_hash) select 'bench-p' || g || '-' || ?,"
                        + " 'bench-p' || g || '-' || ? || '@example.com', 'Bench ' || g, ?"
                        + " from generate_series(1, 500) g",
                run,
                run,
                passwords.encode("x"));
        jdbc.update(
                "insert into account (name) select 'Bench ' || ? || ' ' || g from generate_series(1, 20000) g", run);
        jdbc.update("""
        with t as (select array_agg(id order by id) ids from team where key like 'bench-%-' || ?),
             p as (select array_agg(id order by id) ids from person where username like 'bench-%-' || ?),
             a as (select array_agg(id order by id) ids from account where name like 'Bench ' || ? || ' %')
        insert into commitment (account_id, description, made_by_id, owner_id, delivering_team_id, due_date, status)
        select a.ids[1 + g % 20000], 'Promise ' || g, p.ids[1 + g % 500],
               case when g % 50 = 0 then null else p.ids[1 + (g * 7) % 500] end, t.ids[1 + g % 10],
               current_date + ((hashint4(g)::bigint + 2147483648) % 400)::int - 200,
               (array['PROPOSED','ACCEPTED','DELIVERED','VERIFIED','REJECTED','BREACHED','CANCELLED'])[1 + g % 7]
        from generate_series(1, ?) g, t, p, a""", run, run, run, COMMITMENTS);
        // 1% of the owners have left, so "unowned" also has to find their open commitments
        jdbc.update("update person set active = false where username like 'bench-p%-' || ? and id % 100 = 0", run);
        // as autovacuum would have done by the time anyone opens the register: statistics and visibility map
        jdbc.execute("vacuum analyze person");
        allVisible("commitment");
        // the load's dirty pages written now, not by the background checkpoint while the first filter is timed
        // (the first filter's "floor" was twice the last one's: every call on two cores waited on those writes)
        jdbc.execute("checkpoint");
    }

    /**
     * Vacuums the table until its statistics say its pages are all visible, as autovacuum's later runs
     * would. A vacuum right after the load often leaves {@code relallvisible} at 0 (its visibility map
     * set only by a later vacuum), and the planner then never reads a count from an index alone: the
     * overdue-by-team count read 11,237 table pages (13-20 ms) where the index-only scan takes 3 ms.
     */
    private void allVisible(String table) {
        for (int i = 1; i <= 30; i++) {
            jdbc.execute("vacuum analyze " + table);
            Map<String, Object> stats =
                    jdbc.queryForMap("select relpages, relallvisible from pg_class where relname = ?", table);
            long pages = ((Number) stats.get("relpages")).longValue();
            long visible = ((Number) stats.get("relallvisible")).longValue();
            if (visible >= pages * 0.99) {
                System.out.printf("%s: %,d of %,d pages all visible after %d vacuum(s)%n", table, visible, pages, i);
                return;
            }
            sleep(2_000);
        }
        System.out.printf("%s: pages still not all visible after 30 vacuums%n", table);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long id(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
