package dev.baton.bench;

import static org.awaitility.Awaitility.await;

import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.ProcessInstances;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.HandoverService;
import dev.baton.handover.LaunchRequest;
import dev.baton.handover.SuccessorPlan;
import dev.baton.handover.engine.HandoverWorkersReference;
import dev.baton.people.NewPerson;
import dev.baton.people.PeopleService;
import dev.baton.people.Role;
import dev.baton.people.Teams;
import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.task.TaskService;
import io.camunda.client.CamundaClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One handover of a synthetic book of {@code baton.bench.accounts} accounts (each with a primary
 * contact and an open commitment; every tenth with an open task), one successor for all, the human
 * steps driven by a scripted user through the task service. Then, in the same JVM and engine, the
 * same two BPMN models under other ids with no-op workers and the same scripted user: the
 * reference. Both are first run once with {@code baton.bench.warm-up} accounts, so neither is
 * measured with cold (interpreted) code. Prints figures; asserts nothing about time.
 *
 * <p>Runs on whichever engine the app is configured for: the in-memory one by default, a real
 * broker with {@code -Dcamunda.client.grpc-address=http://127.0.0.1:26500} (and the REST address).
 * {@code -Dbaton.bench.side=baton} or {@code reference} runs one side only (its warm-up included),
 * so each side can have an engine of its own: the in-memory engine slows as its records pile up.
 * src/test/resources/bench/handover.sh does that with a fresh separate engine per side. Each side
 * also prints one {@code BENCH side=...} line of key=value figures for such scripts.
 *
 * <p>{@code -Dbaton.bench.handovers=R} measures R handovers of N accounts one after the other (a new
 * departing rep and successor each), printing heap after GC and RSS after each: R × N accounts through
 * one JVM while the engine holds only one handover's instances at a time. The in-memory engine copies
 * a whole column family for every prefix iteration ({@code InMemoryDbTransaction.newIterator}), so its
 * cost per step grows with the instances it holds: one handover of 10,000 accounts ran at 0.15
 * accounts/s there, ten of 1,000 at its pace for 1,000.
 */
@Tag("benchmark")
@SpringBootTest
class HandoverBenchmark {

    static final int N = Integer.getInteger("baton.bench.accounts", 1000);
    static final int WARM_UP = Integer.getInteger("baton.bench.warm-up", 100);
    static final String SIDE = System.getProperty("baton.bench.side", "both");
    static final int HANDOVERS = Integer.getInteger("baton.bench.handovers", 1);
    /** How long one side may take before the run fails; a large N on a loaded machine needs more. */
    static final Duration LIMIT = Duration.ofMinutes(Integer.getInteger("baton.bench.limit-minutes", 30));

    static final Map<String, Map<String, Object>> ANSWERS = Map.of(
            "task_write_handover_note",
                    Map.of("relationshipSummary", "Loyal", "keyContacts", "Ana", "openCommitmentsAndRisks", "None"),
            "task_review_and_acknowledge_account", Map.of("acknowledgement", "acknowledge"),
            "task_hold_introduction_call", Map.of("callSummary", "Fine"),
            "task_resolve_orphaned_work", Map.of("resolution", "Done"));

    @Autowired
    PeopleService people;

    @Autowired
    Teams teams;

    @Autowired
    HandoverService handovers;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamundaClient client;

    @Autowired
    ProcessInstances processInstances;

    @Autowired
    Environment environment;

    @Test
    void handsOverABookAndPrintsTheFigures() throws Exception {
        boolean baton = !SIDE.equals("reference");
        boolean reference = !SIDE.equals("baton");
        if (!baton && !reference || !Set.of("both", "baton", "reference").contains(SIDE)) {
            throw new IllegalArgumentException("baton.bench.side must be baton, reference or both, not " + SIDE);
        }
        if (WARM_UP > 0) {
            if (baton) {
                batonRun(WARM_UP);
            }
            if (reference) {
                referenceRun(WARM_UP);
            }
        }
        Figures before = Figures.now();
        Run ours = baton ? successive("Baton", this::batonRun) : null;
        Run theirs = reference ? successive("reference", this::referenceRun) : null;

        System.out.printf(
                "%nHANDOVER BENCHMARK, N=%d accounts (%d handover(s) of %d), engine: %s, %d cores;"
                        + " after a warm-up of %d accounts each%n",
                N * HANDOVERS, HANDOVERS, N, engineName(), Runtime.getRuntime().availableProcessors(), WARM_UP);
        if (ours != null) {
            ours.print("Baton", "baton", before);
        }
        if (theirs != null) {
            theirs.print("reference (no-op workers)", "reference", before);
        }
        if (ours != null && theirs != null) {
            System.out.printf(
                    "Baton / reference: wall %.2fx, CPU %.2fx; before the runs: heap %d MB, RSS %d MB%n%n",
                    ours.wall.toMillis() / (double) theirs.wall.toMillis(),
                    ours.cpuMillis / (double) theirs.cpuMillis,
                    before.heapMb,
                    before.rssMb);
        }
    }

    interface Side {
        Run run(int accounts) throws Exception;
    }

    /** {@link #HANDOVERS} runs of {@link #N} accounts one after the other, as one run of all their accounts. */
    private Run successive(String what, Side side) throws Exception {
        Run all = null;
        for (int i = 1; i <= HANDOVERS; i++) {
            Run one = side.run(N);
            all = all == null ? one : all.and(one);
            if (HANDOVERS > 1) {
                System.out.printf(
                        "%s handover %d of %d: %,d accounts so far, %.1f s, heap after GC %d MB, RSS %d MB%n",
                        what,
                        i,
                        HANDOVERS,
                        all.accounts(),
                        all.wall().toMillis() / 1000.0,
                        one.after().heapMb,
                        one.after().rssMb);
            }
        }
        return all;
    }

    private Run batonRun(int accounts) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long departing = person("bench-dep-" + tag);
        long successor = person("bench-suc-" + tag);
        book(departing, accounts, tag);
        long cpu = Figures.cpuMillis();
        Instant launched = Instant.now();
        long id = handovers.launch(
                new LaunchRequest(
                        departing,
                        HandoverReason.LEAVING,
                        LocalDate.now().plusDays(30),
                        null,
                        new SuccessorPlan(SuccessorPlan.Mode.ONE, successor, null, null),
                        null),
                "maria");
        drive(
                "account-handover",
                () -> "COMPLETED"
                        .equals(jdbc.queryForObject("select status from handover where id = ?", String.class, id)));
        Duration wall = Duration.between(launched, Instant.now());
        List<Long> perAccount = jdbc.queryForList(
                "select (extract(epoch from (i.call_held_at - h.created_at)) * 1000)::bigint"
                        + " from handover_item i join handover h on h.id = i.handover_id where h.id = ? order by 1",
                Long.class,
                id);
        return new Run(accounts, wall, Figures.cpuMillis() - cpu, perAccount, Figures.now());
    }

    private Run referenceRun(int accounts) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String dep = username(person("bench-dep-" + tag));
        String suc = username(person("bench-suc-" + tag));
        long cpu = Figures.cpuMillis();
        Instant start = Instant.now();
        try (HandoverWorkersReference reference = new HandoverWorkersReference(client)) {
            reference.start(accounts, dep, suc);
            drive(HandoverWorkersReference.ACCOUNT_PROCESS, reference::finished);
            return new Run(
                    accounts,
                    Duration.between(start, Instant.now()),
                    Figures.cpuMillis() - cpu,
                    reference.perAccountMillis(start),
                    Figures.now());
        }
    }

    private String engineName() {
        return environment.getProperty("baton.embedded.engine.enabled", Boolean.class, false)
                ? "in-memory (same JVM)"
                : "broker at " + environment.getProperty("camunda.client.grpc-address");
    }

    /** The scripted user: completes each open task of the process as its assignee until {@code done}. */
    private void drive(String processId, BooleanSupplier done) {
        Instant until = Instant.now().plus(LIMIT);
        while (!done.getAsBoolean()) {
            // what the assignee sees in the inbox: an open task, whether or not its job lock is extended yet
            List<Ready> ready = ready(processId);
            ready.forEach(this::completeAsAssignee);
            if (ready.isEmpty()) {
                await().atMost(LIMIT)
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> done.getAsBoolean() || !ready(processId).isEmpty());
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("not done within " + LIMIT);
            }
        }
    }

    /** What the scripted user sees of an open task: just enough to complete it (a lean query, not entities). */
    record Ready(long id, String elementId, String assignee) {}

    private List<Ready> ready(String processId) {
        return jdbc
                .query(
                        "select id, element_id, assignee from task where bpmn_process_id = ? and status = 'OPEN'"
                                + " and assignee is not null",
                        (rs, i) -> new Ready(rs.getLong(1), rs.getString(2), rs.getString(3)),
                        processId)
                .stream()
                .filter(t -> ANSWERS.containsKey(t.elementId()))
                .toList();
    }

    private void completeAsAssignee(Ready task) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(task.assignee(), null, List.of()));
        try {
            taskService.complete(task.id(), ANSWERS.get(task.elementId()));
        } catch (RuntimeException alreadyGone) {
            // completed or withdrawn meanwhile: the next round sees the current state
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void book(long owner, int accounts, String tag) throws Exception {
        long maria = jdbc.queryForObject("select id from person where username = 'maria'", Long.class);
        List<Object[]> rows = IntStream.range(0, accounts)
                .mapToObj(i -> new Object[] {"Bench " + tag + " " + i, owner})
                .toList();
        jdbc.batchUpdate("insert into account (name, owner_id, territory) values (?, ?, 'DACH')", rows);
        List<Long> ids = jdbc.queryForList("select id from account where owner_id = ? order by id", Long.class, owner);
        jdbc.batchUpdate(
                "insert into contact (account_id, full_name, email, primary_contact) values (?, ?, ?, true)",
                ids.stream()
                        .map(a -> new Object[] {a, "Contact " + a, "c" + a + "@bench.example"})
                        .toList());
        jdbc.batchUpdate(
                "insert into commitment (account_id, description, made_by_id, owner_id, due_date, status)"
                        + " values (?, 'Bench promise', ?, ?, current_date + 60, 'ACCEPTED')",
                ids.stream().map(a -> new Object[] {a, maria, owner}).toList());
        List<Long> reviews = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 10) {
            reviews.add(processInstances.start(
                    SampleReviewBpmn.PROCESS_ID,
                    Map.of(Variables.REVIEW_DUE_AT, "2030-01-31T09:00:00Z", Variables.ACCOUNT_ID, ids.get(i))));
        }
        // as if the rep had claimed each review once it is in the inbox
        await().atMost(LIMIT)
                .until(() -> jdbc.update(
                                        "update task set assignee = ? where process_instance_key in ("
                                                + String.join(
                                                        ",",
                                                        reviews.stream()
                                                                .map(String::valueOf)
                                                                .toList()) + ") and assignee is null",
                                        username(owner))
                                == 0
                        && jdbc.queryForObject(
                                        "select count(*) from task where assignee = ? and status = 'OPEN'",
                                        Integer.class,
                                        username(owner))
                                == reviews.size());
    }

    private String username(long personId) {
        return jdbc.queryForObject("select username from person where id = ?", String.class, personId);
    }

    private long person(String username) {
        return people.create(new NewPerson(
                        username,
                        "Bench " + username,
                        username + "@baton.example",
                        "demo",
                        Set.of(Role.REP),
                        teams.findByKey("sales-emea").orElseThrow().getId(),
                        jdbc.queryForObject("select id from person where username = 'maria'", Long.class)))
                .id();
    }

    private static long pct(List<Long> sorted, int p) {
        List<Long> s = new ArrayList<>(sorted);
        s.sort(null);
        return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }

    record Run(int accounts, Duration wall, long cpuMillis, List<Long> perAccount, Figures after) {

        /** This run and {@code next} as one: times and accounts added up, figures as after {@code next}. */
        Run and(Run next) {
            List<Long> both = new ArrayList<>(perAccount);
            both.addAll(next.perAccount);
            return new Run(
                    accounts + next.accounts, wall.plus(next.wall), cpuMillis + next.cpuMillis, both, next.after);
        }

        void print(String what, String side, Figures before) {
            System.out.printf(
                    "%-26s wall %7.1f s  %6.1f accounts/s  p50 %7.1f s  p95 %7.1f s  CPU %5.1f ms/account"
                            + "  heap %5d MB  RSS %5d MB%n",
                    what,
                    wall.toMillis() / 1000.0,
                    accounts * 1000.0 / wall.toMillis(),
                    pct(perAccount, 50) / 1000.0,
                    pct(perAccount, 95) / 1000.0,
                    cpuMillis / (double) accounts,
                    after.heapMb,
                    after.rssMb);
            System.out.printf(
                    "BENCH side=%s accounts=%d wall_ms=%d cpu_ms=%d p50_ms=%d p95_ms=%d heap_mb=%d rss_mb=%d"
                            + " heap_before_mb=%d rss_before_mb=%d%n",
                    side,
                    accounts,
                    wall.toMillis(),
                    cpuMillis,
                    pct(perAccount, 50),
                    pct(perAccount, 95),
                    after.heapMb,
                    after.rssMb,
                    before.heapMb,
                    before.rssMb);
        }
    }

    record Figures(long heapMb, long rssMb) {
        /** CPU time of this whole process (app, and the engine when it runs in-process), all threads. */
        static long cpuMillis() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime()
                    / 1_000_000;
        }

        static Figures now() throws Exception {
            System.gc();
            Runtime r = Runtime.getRuntime();
            long rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst()
                    .orElse(-1L);
            return new Figures((r.totalMemory() - r.freeMemory()) >> 20, rss);
        }
    }
}
