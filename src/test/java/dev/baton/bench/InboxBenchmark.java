package dev.baton.bench;

import dev.baton.task.TaskFilter;
import dev.baton.task.TaskScope;
import dev.baton.task.TaskService;
import dev.baton.task.TaskStatus;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The inbox ({@code GET /api/tasks?scope=inbox}, first page of 50 by due date) over {@code bench.tasks}
 * tasks (default 1,000,000; {@code bench.open} of them open, default 100,000) for {@code bench.people}
 * people (default 1,000) in {@code bench.teams} teams (default 50, the candidate groups): p50/p95 per
 * user through the HTTP API and through the service beside the raw SQL that returns the same rows (with
 * their candidate groups and users) on the same indexes, and that query's plan; then the same figures
 * against raw SQL that finds the ids by {@code InboxQuery}'s arms ({@link #UNION_PAGE_SQL}, checked to
 * return the same ids). Prints figures; asserts
 * nothing (see README, Benchmarks). "floor" is an API call that reads only the signed-in person
 * ({@code GET /api/people/me}): what any call costs here before its own query. The people's passwords are bcrypt hashes, as a real user's are: the
 * first call pays bcrypt, the rest find the check remembered (RememberedPasswordChecks).
 * Run: ./mvnw -B verify -Dbenchmark.excludedGroups= -Dgroups=benchmark -Dtest=InboxBenchmark
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxBenchmark {

    static final int TASKS = Integer.getInteger("bench.tasks", 1_000_000);
    static final int OPEN = Integer.getInteger("bench.open", 100_000);
    static final int PEOPLE = Integer.getInteger("bench.people", 1_000);
    static final int TEAMS = Integer.getInteger("bench.teams", 50);
    static final int RUNS = Integer.getInteger("bench.runs", 200);

    /**
     * The page as the API returns it, each row with its candidate groups and users; the team arm only for
     * someone in a team (as the service leaves it out for someone in none).
     */
    static final String PAGE_SQL = """
        select t.*, (select array_agg(g.team_key) from task_candidate_group g where g.task_id = t.id) groups,
          (select array_agg(u.username) from task_candidate_user u where u.task_id = t.id) users
        from task t where t.status = 'OPEN' and (t.assignee = ? or (t.assignee is null and (%s
          exists (select 1 from task_candidate_user u where u.task_id = t.id and u.username = ?))))
        order by t.due_at, t.created_at, t.id limit 50""";

    /** The service's first query for someone in a team, as {@code InboxQuery} writes it: the page's ids with the count of all. */
    static final String IDS_SQL = """
        select id, count(1) over () total from (
          select t.id, t.due_at, t.created_at from task t where t.assignee = ? and t.status in ('OPEN')
          union select t.id, t.due_at, t.created_at from task_candidate_group g join task t on t.id = g.task_id
            where g.team_key in (?) and t.assignee is null and t.status in ('OPEN')
          union select t.id, t.due_at, t.created_at from task_candidate_user u join task t on t.id = u.task_id
            where u.username = ? and t.assignee is null and t.status in ('OPEN')) inbox
        order by due_at, created_at, id limit 50 offset 0""";

    /**
     * The same page as {@link #PAGE_SQL}, its ids found the way {@code InboxQuery} finds them (one arm
     * per kind of offer, each from its own index), with no count: the raw SQL of the service's design.
     */
    static final String UNION_PAGE_SQL = """
        select t.*, (select array_agg(g.team_key) from task_candidate_group g where g.task_id = t.id) groups,
          (select array_agg(u.username) from task_candidate_user u where u.task_id = t.id) users
        from task t join (select t.id from task t where t.assignee = ? and t.status = 'OPEN' %s
          union select t.id from task_candidate_user u join task t on t.id = u.task_id
            where u.username = ? and t.assignee is null and t.status = 'OPEN') inbox on inbox.id = t.id
        order by t.due_at, t.created_at, t.id limit 50""";

    static final String UNION_TEAM_ARM = """
        union select t.id from task_candidate_group g join task t on t.id = g.task_id
          where g.team_key = any (?) and t.assignee is null and t.status = 'OPEN'""";

    static final String TEAM_ARM =
            "exists (select 1 from task_candidate_group g where g.task_id = t.id and g.team_key = any (?)) or";

    /** The raw query for one person: its SQL and arguments. */
    record Raw(String sql, Object[] args) {

        static Raw of(String username, String[] teams) {
            return teams.length == 0
                    ? new Raw(PAGE_SQL.formatted(""), new Object[] {username, username})
                    : new Raw(PAGE_SQL.formatted(TEAM_ARM), new Object[] {username, teams, username});
        }

        /** The same rows by {@link #UNION_PAGE_SQL}. */
        static Raw union(String username, String[] teams) {
            return teams.length == 0
                    ? new Raw(UNION_PAGE_SQL.formatted(""), new Object[] {username, username})
                    : new Raw(UNION_PAGE_SQL.formatted(UNION_TEAM_ARM), new Object[] {username, teams, username});
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void inboxAtAMillionTasks() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        load(run);
        System.out.printf(
                "%nloaded %,d tasks (%,d open), %,d people, %,d teams in %.1f s; load average %s%n",
                TASKS, OPEN, PEOPLE, TEAMS, (System.nanoTime() - started) / 1e9, Timings.loadAverage());
        // person 1: a manager; people whose number divides by 7 have no team (direct assignments only);
        // person 3 is also offered tasks by name (a candidate user)
        compare("manager", "bench-p1-" + run);
        compare("rep, no team", "bench-p14-" + run);
        compare("rep, no team", "bench-p21-" + run);
        compare("team member", "bench-p2-" + run);
        compare("team member", "bench-p5-" + run);
        compare("candidate user", "bench-p3-" + run);
        String sample = "bench-p2-" + run;
        Raw raw = Raw.of(sample, teams(sample));
        jdbc.queryForList("explain " + raw.sql(), String.class, raw.args())
                .forEach(line -> System.out.println("    " + line));
        // the service's first query (the page's ids and their count, as Hibernate writes it), run here
        System.out.println("  the service's ids query, run:");
        jdbc.queryForList("explain (analyze, buffers) " + IDS_SQL, String.class, sample, teams(sample)[0], sample)
                .forEach(line -> System.out.println("    " + line));
        System.out.printf("load average after: %s%n", Timings.loadAverage());
    }

    private void compare(String who, String username) {
        Raw query = Raw.of(username, teams(username));
        Raw union = Raw.union(username, teams(username));
        if (!ids(query).equals(ids(union))) {
            throw new IllegalStateException("the two raw queries differ for " + username);
        }
        long total = jdbc.queryForObject(
                "select count(*) from (" + query.sql().replace("limit 50", "") + ") x", Long.class, query.args());
        TestRestTemplate signedIn = http.withBasicAuth(username, "x"); // one client: its connections are kept
        var firstPage = PageRequest.of(
                0, 50, Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("createdAt"), Sort.Order.asc("id")));
        double[][] t = Timings.interleaved(
                RUNS,
                List.of(
                        () -> signedIn.getForObject("/api/tasks?scope=inbox&size=50", String.class),
                        as(
                                username,
                                () -> tasks.list(TaskFilter.of(TaskScope.INBOX, TaskStatus.OPEN), firstPage)
                                        .getTotalElements()),
                        () -> jdbc.queryForList(query.sql(), query.args()),
                        () -> signedIn.getForObject(Timings.FLOOR, String.class),
                        () -> jdbc.queryForList(union.sql(), union.args())));
        System.out.printf("%-15s %5d in inbox | %s%n", who, total, Timings.row(t));
        System.out.printf(
                "%-15s %5s against the raw SQL written as InboxQuery's (arms, no count): %s%n",
                "", "", Timings.row(t[0], t[1], t[4]));
    }

    private List<Long> ids(Raw raw) {
        return jdbc.query(raw.sql(), (rs, i) -> rs.getLong("id"), raw.args());
    }

    private String[] teams(String username) {
        return jdbc.queryForList(
                        "select t.key from person p join team t on t.id = p.team_id where p.username = ?",
                        String.class,
                        username)
                .toArray(String[]::new);
    }

    /** The call with {@code username} signed in, as the service reads the viewer from the security context. */
    private static Supplier<Object> as(String username, Supplier<Object> call) {
        return () -> {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
            try {
                return call.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }

    /**
     * Teams, people (every seventh without a team; person 1 manages the first 100) and tasks in
     * generate_series inserts. Of the open tasks 60 % are assigned, 30 % offered to a team and not
     * claimed, 10 % claimed from a team; one in 50 is also offered to a person by name. Closed tasks
     * were assigned, 40 % of them offered to a team first.
     */
    private void load(String run) {
        jdbc.update(
                "insert into team (key, name) select 'bench-t' || g || '-' || ?, 'Bench team ' || g"
                        + " from generate_series(1, ?) g",
                run,
                TEAMS);
        jdbc.update("""
        with t as (select array_agg(id order by id) ids from team where key like 'bench-t%-' || ?)
        insert into person (username, email, full_name, password_hash, team_id)
        select 'bench-p' || g || '-' || ?, 'bench-p' || g || '-' || ? || '@example.com', 'Bench ' || g, ?,
          case when g % 7 = 0 then null else t.ids[1 + g % ?] end
        from generate_series(1, ?) g, t""", run, run, run, passwords.encode("x"), TEAMS, PEOPLE);
        jdbc.update("""
        insert into person_role (person_id, role) select id, case when username = 'bench-p1-' || ? then 'MANAGER'
          else 'REP' end from person where username like 'bench-p%-' || ?""", run, run);
        jdbc.update("""
        update person set manager_id = (select id from person where username = 'bench-p1-' || ?)
        where username like 'bench-p%-' || ? and username <> 'bench-p1-' || ? and id % 10 = 1""", run, run, run);
        int every = TASKS / OPEN;
        // g: the task's number; open when g % every = 0; k numbers the open ones
        jdbc.update(
                """
        with p as (select array_agg(username order by id) names, array_agg(team_id order by id) teams
                   from person where username like 'bench-p%-' || ?)
        insert into task (job_key, process_instance_key, element_instance_key, bpmn_process_id, process_version,
          element_id, name, assignee, due_at, status, lock_expires_at, created_at, completed_at, completed_by)
        select 1000000000000 + g, g / 3, g, 'bench-playbook-' || g % 5, 1, 'step-' || g % 4, 'Bench step ' || g % 4,
          case when g % ? <> 0 then p.names[1 + g % ?]
               when (g / ?) % 10 < 6 then p.names[1 + (g / ? / 10 + (g / ? % 10) * 37) % ?]
               when (g / ?) % 10 = 9 then p.names[1 + (g / ? * 3) % ?] end,
          case when g % 17 = 0 then null else now() + ((g % 60) - 20) * interval '1 day' end,
          case when g % ? = 0 then 'OPEN' when g % 13 = 0 then 'CANCELED' else 'COMPLETED' end,
          now() + interval '1 day', now() - g * interval '1 second',
          case when g % ? <> 0 then now() end, case when g % ? <> 0 then p.names[1 + g % ?] end
        from generate_series(1, ?) g, p""",
                run, every, PEOPLE, every, every, every, PEOPLE, every, every, PEOPLE, every, every, every, PEOPLE,
                TASKS);
        // offered to a team: the unclaimed and claimed open ones, and 40 % of the closed ones
        jdbc.update("""
        insert into task_candidate_group (task_id, team_key)
        select t.id, 'bench-t' || (1 + (t.element_instance_key / ? / 10) % ?) || '-' || ?
        from task t where t.job_key > 1000000000000 and
          (case when t.status = 'OPEN' then (t.element_instance_key / ?) % 10 >= 6 else t.element_instance_key % 5 < 2 end)""", every, TEAMS, run, every);
        // a claimed team task is held by someone of that team: the team's first member
        jdbc.update("""
        update task t set assignee = (select p.username from person p join team tm on tm.id = p.team_id
          where tm.key = g.team_key order by p.id limit 1)
        from task_candidate_group g where g.task_id = t.id and t.status = 'OPEN' and t.assignee is not null
          and t.job_key > 1000000000000 and (t.element_instance_key / ?) % 10 = 9""", every);
        jdbc.update("""
        insert into task_candidate_user (task_id, username)
        select t.id, 'bench-p3-' || ? from task t
        where t.job_key > 1000000000000 and t.status = 'OPEN' and t.element_instance_key % ? = 0
          and (t.element_instance_key / ?) % 50 = 6""", run, every, every);
        // as autovacuum would have done by the time anyone opens an inbox: statistics and visibility map
        for (String table : List.of("task", "task_candidate_group", "task_candidate_user", "person", "team")) {
            jdbc.execute("vacuum analyze " + table);
        }
    }
}
