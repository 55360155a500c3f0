package dev.baton.bench;

import dev.baton.audit.AuditFilter;
import dev.baton.audit.AuditTrail;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether an admin's unfiltered audit trail ({@code AuditTrail#find} with no filter and every actor: the audit
 * page's first view, {@code GET /api/audit}) needs an index on {@code audit_event.at} (V97). Baton's schema in
 * its test context with {@code bench.audit.events} more events (200,000) by 1,000 people and Baton (a quarter),
 * over two years, as {@link AuditActorIndexBenchmark} fills it. Times, taking turns, the service's first page of
 * 50 (its page and its count, as {@code PageRequest} makes them) beside the same two statements as raw SQL,
 * without an index on the time, with V97's {@code (at)} and with {@code (at, id)}; and the page alone beside
 * the count alone in raw SQL, since no index on the time spares the count its read of the table. Prints the
 * plans. Run: {@code ./mvnw -B verify -Dbenchmark.excludedGroups= -Dgroups=benchmark
 * -Dtest=AuditAtIndexBenchmark}. Prints figures; asserts nothing (see README, the audit trail).
 */
@Tag("benchmark")
@SpringBootTest
class AuditAtIndexBenchmark {

    static final int EVENTS = Integer.getInteger("bench.audit.events", 200_000);
    static final int ACTORS = 1_000;
    static final int RUNS = Integer.getInteger("bench.runs", 100);

    /** The page as Hibernate sends it for no filter: the specification's conjunctions are {@code 1=1}. */
    static final String PAGE = "select a.id, a.account_id, a.action, a.actor, a.after_state, a.at, a.before_state,"
            + " a.entity_id, a.entity_type from audit_event a where 1=1 and 1=1"
            + " order by a.at desc, a.id desc offset ? rows fetch first ? rows only";

    static final String COUNT = "select count(a.id) from audit_event a where 1=1 and 1=1";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail trail;

    @Test
    void anAdminsUnfilteredTrailWithAndWithoutAnIndexOnTheTime() {
        jdbc.execute("drop index audit_event_at_idx"); // V97's, measured below against none
        fill();
        AuditFilter none = new AuditFilter(null, null, null, null, null, null, null);
        Supplier<Object> service =
                () -> trail.find(none, Optional.empty(), 0, 50).getTotalElements();
        Supplier<Object> raw = () -> {
            jdbc.queryForList(PAGE, 0, 50);
            return jdbc.queryForObject(COUNT, Long.class);
        };
        Supplier<Object> page = () -> jdbc.queryForList(PAGE, 0, 50);
        Supplier<Object> count = () -> jdbc.queryForObject(COUNT, Long.class);
        String[] indexes = {
            null,
            "create index audit_event_at_idx on audit_event (at)",
            "create index audit_event_at_id_idx on audit_event (at, id)"
        };
        System.out.printf(
                "%n%,d events; load average %s%n", jdbc.queryForObject(COUNT, Long.class), Timings.loadAverage());
        for (String index : indexes) {
            if (index != null) {
                jdbc.execute(index);
                jdbc.execute("analyze audit_event");
            }
            System.out.println("\n=== " + (index == null ? "no index on at" : index));
            System.out.println(explain(
                    PAGE.replace("offset ? rows fetch first ? rows only", "offset 0 rows fetch first 50 rows only")));
            System.out.println(explain(COUNT));
            double[][] t = Timings.interleaved(RUNS, 5, List.of(service, raw, page, count));
            System.out.printf(
                    "service page + count p50 %.2f p95 %.2f ms | raw page + count p50 %.2f p95 %.2f"
                            + " | raw page alone p50 %.2f p95 %.2f | raw count alone p50 %.2f p95 %.2f%n",
                    t[0][0], t[0][1], t[1][0], t[1][1], t[2][0], t[2][1], t[3][0], t[3][1]);
            if (index != null) {
                jdbc.execute("drop index " + index.split(" ")[2]);
            }
        }
        System.out.printf("load average after: %s%n", Timings.loadAverage());
    }

    /** {@link #EVENTS} events: a quarter Baton's, the rest spread over the people, over two years. */
    private void fill() {
        jdbc.execute("insert into audit_event"
                + " (at, actor, action, entity_type, entity_id, before_state, after_state)"
                + " select now() - (random() * interval '730 days'),"
                + " case when g % 4 = 0 then 'system' else 'person' || (1 + (g * 7919) % " + ACTORS + ") end,"
                + " (array['task.assigned','task.reassigned','task.completed','handover.launched',"
                + "'commitment.proposed','account.updated','interaction.logged'])[1 + g % 7],"
                + " 'task', g, '{\"status\": \"OPEN\"}', '{\"status\": \"DONE\"}'"
                + " from generate_series(1, " + EVENTS + ") g");
        jdbc.execute("vacuum analyze audit_event");
    }

    private String explain(String sql) {
        return String.join("\n", jdbc.queryForList("explain (analyze, buffers) " + sql, String.class));
    }
}
