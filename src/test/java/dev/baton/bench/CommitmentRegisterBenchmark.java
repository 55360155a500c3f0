package dev.baton.bench;

import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentService;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The commitment register at 1,000,000 commitments: p50/p95 of the common filters through the service
 * (first page of 50 by due date, plus its count query, as the page and the API ask) beside the raw
 * SQL for the same rows (no count), plus each raw query's plan. Prints figures; asserts nothing (see README, Benchmarks).
 */
@Tag("benchmark")
@SpringBootTest
class CommitmentRegisterBenchmark {

    static final int COMMITMENTS = 1_000_000;
    static final int RUNS = 50;
    static final String OPEN_AWAITING = "status in ('PROPOSED', 'ACCEPTED')";
    static final String OPEN = "status in ('PROPOSED', 'ACCEPTED', 'DELIVERED')";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommitmentService commitments;

    @Test
    void registerFiltersAtAMillionCommitments() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        load(run);
        System.out.printf("%nloaded %,d commitments in %.1f s%n", COMMITMENTS, (System.nanoTime() - started) / 1e9);
        long team = id("select min(id) from team where key like 'bench-%-" + run + "'");
        long owner = id("select min(id) from person where username like 'bench-%-" + run + "'");
        long account = id("select min(id) from account where name like 'Bench " + run + " %'");

        compare(
                "overdue by team",
                new CommitmentFilter(null, null, team, null, true, false),
                "delivering_team_id = " + team + " and " + OPEN_AWAITING + " and due_date < current_date");
        // the service reads the inactive people first and ORs two index-friendly arms (see CommitmentFilter)
        String inactive =
                String.join(", ", jdbc.queryForList("select id::text from person where not active", String.class));
        compare(
                "unowned",
                new CommitmentFilter(null, null, null, null, false, true),
                "(owner_id is null and " + OPEN + ") or (owner_id in (" + inactive + ") and " + OPEN + ")");
        compare("by owner, by due", new CommitmentFilter(null, owner, null, null, false, false), "owner_id = " + owner);
        compare("by account", CommitmentFilter.ofAccount(account), "account_id = " + account);
    }

    private void compare(String name, CommitmentFilter filter, String where) {
        var page = PageRequest.of(0, 50, Sort.by("dueDate", "id"));
        String sql = "select * from commitment where " + where + " order by due_date, id limit 50";
        double[] service =
                Timings.p50p95(RUNS, () -> commitments.find(filter, page).getTotalElements());
        double[] raw = Timings.p50p95(RUNS, () -> (long) jdbc.queryForList(sql).size());
        System.out.printf(
                "%-18s service p50 %7.2f ms p95 %7.2f ms | raw SQL p50 %7.2f ms p95 %7.2f ms%n",
                name, service[0], service[1], raw[0], raw[1]);
        jdbc.queryForList("explain " + sql, String.class).forEach(line -> System.out.println("    " + line));
    }

    /** Its own teams, people and accounts, then the commitments in one generate_series insert. */
    private void load(String run) {
        jdbc.update(
                "insert into team (key, name) select 'bench-t' || g || '-' || ?, 'Bench team ' || g"
                        + " from generate_series(1, 10) g",
                run);
        jdbc.update(
                "insert into person (username, email, full_name, password_hash) select 'bench-p' || g || '-' || ?,"
                        + " 'bench-p' || g || '-' || ? || '@example.com', 'Bench ' || g, 'x' from generate_series(1, 500) g",
                run,
                run);
        jdbc.update(
                "insert into account (name) select 'Bench ' || ? || ' ' || g from generate_series(1, 20000) g", run);
        jdbc.update("""
        with t as (select array_agg(id order by id) ids from team where key like 'bench-%-' || ?),
             p as (select array_agg(id order by id) ids from person where username like 'bench-%-' || ?),
             a as (select array_agg(id order by id) ids from account where name like 'Bench ' || ? || ' %')
        insert into commitment (account_id, description, made_by_id, owner_id, delivering_team_id, due_date, status)
        select a.ids[1 + g % 20000], 'Promise ' || g, p.ids[1 + g % 500],
               case when g % 50 = 0 then null else p.ids[1 + (g * 7) % 500] end, t.ids[1 + g % 10],
               current_date + (g % 400) - 200,
               (array['PROPOSED','ACCEPTED','DELIVERED','VERIFIED','REJECTED','BREACHED','CANCELLED'])[1 + g % 7]
        from generate_series(1, ?) g, t, p, a""", run, run, run, COMMITMENTS);
        // 1% of the owners have left, so "unowned" also has to find their open commitments
        jdbc.update("update person set active = false where username like 'bench-p%-' || ? and id % 100 = 0", run);
        jdbc.execute("analyze commitment");
        jdbc.execute("analyze person");
    }

    private long id(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
