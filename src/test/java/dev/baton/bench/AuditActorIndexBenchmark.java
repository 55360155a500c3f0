package dev.baton.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Whether a manager's audit trail ({@code AuditTrail#find} with the actors of their line, session 45) needs an
 * index on {@code audit_event.actor}, and what one costs the insert every audited change makes. Baton's schema
 * (Flyway, on an embedded PostgreSQL of its own, no Spring) with {@code bench.audit.events} events (200,000) by
 * {@code bench.audit.actors} people (1,000) and Baton itself (a quarter of them, as the engine's work is), over
 * two years. Times the trail's two statements as Hibernate sends them (a page of 50, newest first, and its
 * count) for a first-line manager (10 actors), a director (100) and one person chosen under "Who", without an
 * index on the actor, with {@code (actor)}, and with {@code (actor, at, id)}; prints the plans; then times
 * single-row inserts as {@code AuditLog#record} makes them (one per commit, and 100 per commit), taking turns
 * with and without the indexes. Run: {@code ./mvnw -B verify -Dbenchmark.excludedGroups= -Dgroups=benchmark
 * -Dtest=AuditActorIndexBenchmark}. Prints
 * figures; asserts nothing (see README, the audit trail).
 */
@Tag("benchmark")
class AuditActorIndexBenchmark {

    static final int EVENTS = Integer.getInteger("bench.audit.events", 200_000);
    static final int ACTORS = Integer.getInteger("bench.audit.actors", 1_000);
    static final int RUNS = Integer.getInteger("bench.runs", 100);
    static final int INSERTS = Integer.getInteger("bench.audit.inserts", 5_000);

    static final String COLUMNS = "a.id, a.account_id, a.action, a.actor, a.after_state, a.at, a.before_state,"
            + " a.entity_id, a.entity_type";

    @Test
    void aManagersTrailWithAndWithoutAnIndexOnTheActor() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            Flyway.configure().dataSource(ds).load().migrate();
            try (Connection c = ds.getConnection()) {
                exec(c, "set plan_cache_mode = force_custom_plan"); // as Baton's pool does (application.yml)
                exec(c, "drop index audit_event_actor_idx"); // V96's, measured below against none
                fill(c);
                List<String> manager = people(1, 10);
                List<String> director = people(1, 100);
                List<String> one = people(7, 1);
                String[] indexes = {
                    null,
                    "create index audit_event_actor_idx on audit_event (actor)",
                    "create index audit_event_actor_at_idx on audit_event (actor, at, id)"
                };
                for (String index : indexes) {
                    if (index != null) {
                        exec(c, index);
                        exec(c, "analyze audit_event");
                    }
                    System.out.println("\n=== " + (index == null ? "no index on actor" : index));
                    for (List<String> actors : List.of(manager, director, one)) {
                        System.out.println("--- " + actors.size() + " actor(s)");
                        System.out.println(explain(c, page(actors.size()), actors));
                        System.out.println(explain(c, count(actors.size()), actors));
                        double[] t = Timings.p50p95(RUNS, () -> {
                            run(c, page(actors.size()), actors);
                            return run(c, count(actors.size()), actors);
                        });
                        System.out.printf("page + count: p50 %.2f ms, p95 %.2f ms%n", t[0], t[1]);
                    }
                    if (index != null) {
                        exec(c, "drop index " + index.split(" ")[2]);
                    }
                }
                inserts(c, indexes);
            }
        }
    }

    /**
     * Rounds of {@link #INSERTS} inserts with each index in turn, so the shared host's load weighs on each alike:
     * one commit per insert, and 100 inserts per commit (a handover's transaction audits many changes), where the
     * commit's flush hides less of the index's cost.
     */
    private static void inserts(Connection c, String[] indexes) throws SQLException {
        inserts(c, indexes, 1);
        inserts(c, indexes, 100);
    }

    private static void inserts(Connection c, String[] indexes, int perCommit) throws SQLException {
        int rounds = 6;
        double[][] perSecond = new double[indexes.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < indexes.length; k++) {
                String index = indexes[(round + k) % indexes.length];
                if (index != null) {
                    exec(c, index);
                }
                perSecond[(round + k) % indexes.length][round] = insertsPerSecond(c, perCommit);
                if (index != null) {
                    exec(c, "drop index " + index.split(" ")[2]);
                }
            }
        }
        System.out.println("\n=== single-row inserts (as AuditLog#record), " + perCommit + " per commit, per second, "
                + rounds + " rounds");
        for (int k = 0; k < indexes.length; k++) {
            double[] sorted = Arrays.stream(perSecond[k]).sorted().toArray();
            System.out.printf(
                    "%s: %s (median %.0f)%n",
                    indexes[k] == null ? "no index on actor" : indexes[k],
                    Arrays.stream(perSecond[k])
                            .mapToObj(v -> String.format("%.0f", v))
                            .collect(Collectors.joining(", ")),
                    (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2);
        }
    }

    private static double insertsPerSecond(Connection c, int perCommit) throws SQLException {
        String sql = "insert into audit_event"
                + " (at, actor, action, entity_type, entity_id, account_id, before_state, after_state)"
                + " values (now(), ?, 'task.reassigned', 'task', ?, ?, cast(? as jsonb), cast(? as jsonb))"
                + " returning id";
        c.setAutoCommit(perCommit == 1);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            long t = System.nanoTime();
            for (int i = 0; i < INSERTS; i++) {
                ps.setString(1, "person" + (1 + (i * 7919) % ACTORS));
                ps.setLong(2, i);
                ps.setLong(3, 1 + i % 5_000);
                ps.setString(4, "{\"assignee\": \"rob\", \"status\": \"OPEN\"}");
                ps.setString(5, "{\"assignee\": \"rita\", \"status\": \"OPEN\"}");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                if (perCommit > 1 && (i + 1) % perCommit == 0) {
                    c.commit();
                }
            }
            if (perCommit > 1) {
                c.commit();
            }
            return INSERTS / ((System.nanoTime() - t) / 1e9);
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** {@link #EVENTS} events: a quarter Baton's, the rest spread over the people, over two years. */
    private static void fill(Connection c) throws SQLException {
        exec(c, "insert into account (name) select 'Account ' || g from generate_series(1, 5000) g");
        exec(
                c,
                "insert into audit_event"
                        + " (at, actor, action, entity_type, entity_id, account_id, before_state, after_state)"
                        + " select now() - (random() * interval '730 days'),"
                        + " case when g % 4 = 0 then 'system' else 'person' || (1 + (g * 7919) % " + ACTORS + ") end,"
                        + " (array['task.assigned','task.reassigned','task.completed','handover.launched',"
                        + "'commitment.proposed','account.updated','interaction.logged'])[1 + g % 7],"
                        + " 'task', g, 1 + g % 5000, '{\"status\": \"OPEN\"}', '{\"status\": \"DONE\"}'"
                        + " from generate_series(1, " + EVENTS + ") g");
        exec(c, "vacuum analyze audit_event");
    }

    private static List<String> people(int first, int n) {
        return IntStream.range(first, first + n).mapToObj(i -> "person" + i).toList();
    }

    private static String page(int actors) {
        return "select " + COLUMNS + " from audit_event a where a.actor in (" + marks(actors) + ")"
                + " order by a.at desc, a.id desc offset ? rows fetch first ? rows only";
    }

    private static String count(int actors) {
        return "select count(a.id) from audit_event a where a.actor in (" + marks(actors) + ")";
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static String explain(Connection c, String sql, List<String> actors) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            bind(ps, sql, actors);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static long run(Connection c, String sql, List<String> actors) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, sql, actors);
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, String sql, List<String> actors) throws SQLException {
        int i = 1;
        for (String a : actors) {
            ps.setString(i++, a);
        }
        if (sql.contains("offset")) {
            ps.setInt(i++, 0);
            ps.setInt(i, 50);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
