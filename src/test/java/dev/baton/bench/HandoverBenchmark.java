package dev.baton.bench;

import static org.awaitility.Awaitility.await;

import dev.baton.commitment.engine.CommitmentBenchmarkSupport;
import dev.baton.commitment.engine.CommitmentBpmn;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.ProcessInstances;
import dev.baton.handover.HandoverReason;
import dev.baton.handover.HandoverService;
import dev.baton.handover.LaunchRequest;
import dev.baton.handover.SuccessorPlan;
import dev.baton.handover.engine.HandoverWorkersReference;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.NewPerson;
import dev.baton.people.PeopleService;
import dev.baton.people.Role;
import dev.baton.people.Teams;
import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.task.TaskService;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
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
 * <p>Both sides get the same book, and its commitments are each followed by a process waiting at its
 * deliver step before the clock starts, as for a book recorded through Baton: Baton's commitment
 * process on Baton's side, the same model with a no-op read step on the reference's. Baton's transfer
 * moves each commitment's waiting step to the successor in its inbox (the successor is in the same
 * zone, so the process is not told: {@code CommitmentService.ownerStepCanMove}); the reference's no-op
 * transfer moves nothing and tells the engine nothing. Baton's side sends the mails it queues (the
 * customers' introductions, the successor's) within its timed window, every second as its schedule does
 * in production, which tests switch off; until session 42 it queued them and sent none, so its figure
 * left out what sending costs. Send them to a mail server outside this JVM ({@link MailSink}, as
 * handover.sh does): the embedded one would add the receiving to Baton's CPU. Neither side may run on a heavier engine than the other: the library's
 * in-memory store copies its whole database for every prefix iteration ({@code
 * InMemoryDbTransaction.newIterator}), so every step costs more the more it holds, and even in
 * RocksDB (the engine's store since 2026-12-01, see {@code RocksDbState}) the record log grows.
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
 * one JVM. After each (untimed) its book's commitment and review processes are cancelled, on both
 * sides alike, so every handover runs beside one book's open processes: see {@link #retire}. One
 * handover of 10,000 accounts (all in flight at once) ran at 0.15 accounts/s on the in-memory engine.
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

    @Autowired
    ApplicationContext context;

    @Autowired
    OutboxDispatcher outbox;

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
                        "%s handover %d of %d: %,d accounts so far, %.1f s, this one %.1f s, CPU %.1f ms/account"
                                + " (JIT compilation %.1f, garbage collection %.1f), allocated %,d KB/account,"
                                + " heap after GC %d MB, RSS %d MB%n",
                        what,
                        i,
                        HANDOVERS,
                        all.accounts(),
                        all.wall().toMillis() / 1000.0,
                        one.wall().toMillis() / 1000.0,
                        one.cpuMillis() / (double) one.accounts(),
                        one.jitMillis() / (double) one.accounts(),
                        one.gcMillis() / (double) one.accounts(),
                        one.allocatedKbPerAccount(),
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
        Book book = book(departing, accounts, tag, null);
        outbox.dispatch(); // what the book's set-up queued goes before the clock starts
        AtomicInteger mailsSent = new AtomicInteger();
        ScheduledExecutorService mailer = Executors.newSingleThreadScheduledExecutor();
        long cpu = Figures.cpuMillis();
        long jit = Figures.jitMillis();
        long gc = Figures.gcMillis();
        long allocated = Figures.allocatedBytes();
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
        // Baton sends what it queues, as its schedule does every baton.mail.dispatch-delay in production
        // (tests switch that schedule off): the customers' introductions and the successor's mail
        mailer.scheduleWithFixedDelay(() -> mailsSent.addAndGet(outbox.dispatch()), 1, 1, TimeUnit.SECONDS);
        drive(
                "account-handover",
                () -> "COMPLETED"
                        .equals(jdbc.queryForObject("select status from handover where id = ?", String.class, id)));
        mailer.shutdown();
        if (!mailer.awaitTermination(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            throw new IllegalStateException("the mails were not sent within " + LIMIT);
        }
        mailsSent.addAndGet(outbox.dispatch()); // the last ones queued
        Duration wall = Duration.between(launched, Instant.now());
        List<Long> perAccount = jdbc.queryForList(
                "select (extract(epoch from (i.call_held_at - h.created_at)) * 1000)::bigint"
                        + " from handover_item i join handover h on h.id = i.handover_id where h.id = ? order by 1",
                Long.class,
                id);
        Run run = new Run(
                accounts,
                wall,
                Figures.cpuMillis() - cpu,
                Figures.jitMillis() - jit,
                Figures.gcMillis() - gc,
                Figures.allocatedSince(allocated),
                perAccount,
                Figures.now());
        timed(launched);
        System.out.printf("mails sent in the timed window: %,d (%s)%n", mailsSent.get(), mailServer());
        rerouted(username(successor), accounts);
        retire(book);
        return run;
    }

    private Run referenceRun(int accounts) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long departing = person("bench-dep-" + tag);
        String dep = username(departing);
        String suc = username(person("bench-suc-" + tag));
        try (HandoverWorkersReference reference = new HandoverWorkersReference(client)) {
            // the same book as Baton's side, its commitments followed by the no-op commitment model
            Book book = book(departing, accounts, tag, reference);
            long cpu = Figures.cpuMillis();
            long jit = Figures.jitMillis();
            long gc = Figures.gcMillis();
            long allocated = Figures.allocatedBytes();
            Instant start = Instant.now();
            reference.start(accounts, dep, suc);
            drive(HandoverWorkersReference.ACCOUNT_PROCESS, reference::finished);
            Run run = new Run(
                    accounts,
                    Duration.between(start, Instant.now()),
                    Figures.cpuMillis() - cpu,
                    Figures.jitMillis() - jit,
                    Figures.gcMillis() - gc,
                    Figures.allocatedSince(allocated),
                    reference.perAccountMillis(start),
                    Figures.now());
            timed(start);
            rerouted(suc, accounts);
            retire(book);
            return run;
        }
    }

    /** When the clock ran, so a profile (JFR) of the run can be cut to the timed part. */
    private static void timed(Instant start) {
        System.out.printf("timed: %s to %s%n", start, Instant.now());
    }

    /** Where the mails went: a server in this JVM costs this JVM's CPU, which Baton in production does not pay. */
    private String mailServer() {
        return environment.getProperty("baton.embedded.mail.enabled", Boolean.class, false)
                ? "to the embedded mail server, in this JVM: its CPU is counted"
                : "to " + environment.getProperty("spring.mail.host") + ":"
                        + environment.getProperty("spring.mail.port");
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

    /** A book's accounts and the instances of its sample reviews. */
    record Book(List<Long> accountIds, List<Long> reviewKeys) {}

    /**
     * The book, its commitments followed by a process each before the clock starts: Baton's commitment
     * process, started by Baton's sweep, or with {@code reference} the no-op one (the rows then carry a
     * placeholder instance key, so Baton's sweep leaves them alone).
     */
    private Book book(long owner, int accounts, String tag, HandoverWorkersReference reference) throws Exception {
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
        // recorded an hour ago, so the sweep (which leaves the last minute's to their after-commit start) takes them
        jdbc.batchUpdate(
                "insert into commitment (account_id, description, made_by_id, owner_id, due_date, status, created_at,"
                        + " process_instance_key) values (?, 'Bench promise', ?, ?, current_date + 60, 'ACCEPTED',"
                        + " now() - interval '1 hour', ?)",
                ids.stream()
                        .map(a -> new Object[] {a, maria, owner, reference == null ? null : 0L})
                        .toList());
        String waiting;
        if (reference == null) {
            CommitmentBenchmarkSupport.sweep(context);
            waiting = "select count(*) from commitment c join task t on t.process_instance_key"
                    + " = c.process_instance_key where c.owner_id = ? and t.status = 'OPEN'";
        } else {
            SequencedMap<Long, Long> commitments = new LinkedHashMap<>();
            jdbc.query(
                    "select id, account_id from commitment where owner_id = ? order by account_id",
                    rs -> {
                        commitments.put(rs.getLong(1), rs.getLong(2));
                    },
                    owner);
            reference.startCommitments(commitments, username(owner));
            waiting = "select count(*) from task t join person p on p.username = t.assignee where p.id = ?"
                    + " and t.status = 'OPEN' and t.bpmn_process_id = '" + HandoverWorkersReference.COMMITMENT_PROCESS
                    + "'";
        }
        // each commitment's process waiting at its deliver step, as for a book recorded through Baton
        await().atMost(LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject(waiting, Integer.class, owner) == accounts);
        List<Long> reviews = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 10) {
            reviews.add(processInstances.start(
                    SampleReviewBpmn.PROCESS_ID,
                    Map.of(Variables.REVIEW_DUE_AT, "2030-01-31T09:00:00Z", Variables.ACCOUNT_ID, ids.get(i))));
        }
        // as if the rep had claimed each review once it is in the inbox
        String inReviews = " process_instance_key in ("
                + String.join(",", reviews.stream().map(String::valueOf).toList()) + ")";
        await().atMost(LIMIT)
                .until(() -> jdbc.update(
                                        "update task set assignee = ? where" + inReviews + " and assignee is null",
                                        username(owner))
                                == 0
                        && jdbc.queryForObject(
                                        "select count(*) from task where assignee = ? and status = 'OPEN' and"
                                                + inReviews,
                                        Integer.class,
                                        username(owner))
                                == reviews.size());
        return new Book(ids, reviews);
    }

    /** Prints how many of the book's commitments wait at a step of the successor's: all on Baton's side, none on the reference's. */
    private void rerouted(String successor, int accounts) {
        int open = jdbc.queryForObject(
                "select count(*) from task where status = 'OPEN' and assignee = ? and bpmn_process_id in (?, ?)",
                Integer.class,
                successor,
                CommitmentBpmn.PROCESS_ID,
                HandoverWorkersReference.COMMITMENT_PROCESS);
        System.out.printf("commitment steps now the successor's: %d of %d%n", open, accounts);
    }

    /**
     * After a measured handover, untimed: the book's commitment and review processes end (cancelled in
     * the engine, their rows closed as the engine's cancellation would leave them), so each handover
     * runs beside one book's open processes, not beside every earlier book's too. The in-memory engine
     * copies its whole database on every prefix iteration, so with the books left open each handover's
     * steps cost more than the last's: session 9 saw 204 s grow to 287 s per 1,000 accounts on the one
     * side that had books, and the figures measured that copying rather than the handover.
     */
    private void retire(Book book) {
        List<Long> keys = new ArrayList<>(book.reviewKeys());
        keys.addAll(jdbc.queryForList(
                "select process_instance_key from commitment where process_instance_key > 0 and account_id = any(?)"
                        + " union select distinct process_instance_key from task where status = 'OPEN'"
                        + " and bpmn_process_id = ?",
                Long.class,
                (Object) book.accountIds().toArray(Long[]::new),
                HandoverWorkersReference.COMMITMENT_PROCESS));
        int refused = 0;
        for (long key : keys) {
            try {
                client.newCancelInstanceCommand(key).send().join();
            } catch (RuntimeException notFound) {
                refused++; // usually not found: it ended on its own
            }
        }
        System.out.printf(
                "book retired: %d instances cancelled, %d refused (ended already?)%n", keys.size() - refused, refused);
        jdbc.update("update commitment set status = 'CANCELLED' where account_id = any(?)", (Object)
                book.accountIds().toArray(Long[]::new));
        jdbc.update(
                "update task set status = 'CANCELED' where status = 'OPEN' and process_instance_key = any(?)",
                (Object) keys.toArray(Long[]::new));
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

    /**
     * One side's timed run: {@code cpuMillis} is the whole process's CPU time, {@code jitMillis} the part
     * of it the JIT compilers' threads took (a cost of code still warming up, which a long-running
     * service stops paying), {@code gcMillis} the part the garbage collector's threads took (its pauses
     * and its concurrent marking); each -1 where it cannot be read. {@code allocatedBytes} is what all
     * threads allocated on the heap meanwhile (-1 where HotSpot does not count it): a measure of the work
     * done that the VM's load hardly moves, unlike CPU time, whose figures on the 2-core VM spread by a
     * third from one hour to the next (README, session 32).
     */
    record Run(
            int accounts,
            Duration wall,
            long cpuMillis,
            long jitMillis,
            long gcMillis,
            long allocatedBytes,
            List<Long> perAccount,
            Figures after) {

        /** This run and {@code next} as one: times and accounts added up, figures as after {@code next}. */
        Run and(Run next) {
            List<Long> both = new ArrayList<>(perAccount);
            both.addAll(next.perAccount);
            return new Run(
                    accounts + next.accounts,
                    wall.plus(next.wall),
                    cpuMillis + next.cpuMillis,
                    jitMillis < 0 || next.jitMillis < 0 ? -1 : jitMillis + next.jitMillis,
                    gcMillis < 0 || next.gcMillis < 0 ? -1 : gcMillis + next.gcMillis,
                    allocatedBytes < 0 || next.allocatedBytes < 0 ? -1 : allocatedBytes + next.allocatedBytes,
                    both,
                    next.after);
        }

        void print(String what, String side, Figures before) {
            System.out.printf(
                    "%-26s wall %7.1f s  %6.1f accounts/s  p50 %7.1f s  p95 %7.1f s  CPU %5.1f ms/account"
                            + " (JIT compilation %.1f, garbage collection %.1f)  allocated %,d KB/account"
                            + "  heap %5d MB  RSS %5d MB%n",
                    what,
                    wall.toMillis() / 1000.0,
                    accounts * 1000.0 / wall.toMillis(),
                    pct(perAccount, 50) / 1000.0,
                    pct(perAccount, 95) / 1000.0,
                    cpuMillis / (double) accounts,
                    jitMillis / (double) accounts,
                    gcMillis / (double) accounts,
                    allocatedKbPerAccount(),
                    after.heapMb,
                    after.rssMb);
            System.out.printf(
                    "BENCH side=%s accounts=%d wall_ms=%d cpu_ms=%d jit_ms=%d gc_ms=%d p50_ms=%d p95_ms=%d heap_mb=%d rss_mb=%d"
                            + " heap_before_mb=%d rss_before_mb=%d alloc_kb=%d%n",
                    side,
                    accounts,
                    wall.toMillis(),
                    cpuMillis,
                    jitMillis,
                    gcMillis,
                    pct(perAccount, 50),
                    pct(perAccount, 95),
                    after.heapMb,
                    after.rssMb,
                    before.heapMb,
                    before.rssMb,
                    allocatedBytes < 0 ? -1 : allocatedBytes >> 10);
        }

        /** Heap allocated per account, in KB; -1 where it was not counted. */
        long allocatedKbPerAccount() {
            return allocatedBytes < 0 ? -1 : (allocatedBytes >> 10) / accounts;
        }
    }

    record Figures(long heapMb, long rssMb) {
        /** CPU time of this whole process (app, and the engine when it runs in-process), all threads. */
        static long cpuMillis() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime()
                    / 1_000_000;
        }

        /**
         * The bytes all threads have allocated on the heap since the JVM started, the ended ones included
         * (HotSpot's {@code getTotalThreadAllocatedBytes}); -1 where it is not counted.
         */
        static long allocatedBytes() {
            return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                    .getTotalThreadAllocatedBytes();
        }

        /** What was allocated since {@code before} ({@link #allocatedBytes}); -1 where it is not counted. */
        static long allocatedSince(long before) {
            long now = allocatedBytes();
            return before < 0 || now < 0 ? -1 : now - before;
        }

        /**
         * CPU time the JIT compilers' threads ({@code C1 CompilerThread*}, {@code C2 CompilerThread*})
         * took so far, in ms, from {@code /proc/self/task} like {@link #gcMillis()}; -1 where there is no
         * such file system. HotSpot's own figure ({@code CompilationMXBean}) is elapsed time, which on a
         * busy host exceeds the CPU the compilers got. A compiler thread HotSpot retired when idle takes
         * its figure with it (on 2 cores there is one thread of each kind, which stays).
         */
        static long jitMillis() {
            return threadsCpuMillis(name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"));
        }

        /**
         * CPU time the garbage collector's threads took so far (HotSpot's G1 and parallel workers, its
         * concurrent marking and refinement), in ms; -1 where there is no {@code /proc} file system.
         */
        static long gcMillis() {
            return threadsCpuMillis(name -> name.startsWith("GC Thread") || name.startsWith("G1 "));
        }

        /**
         * The CPU time of this process's live threads whose name (Linux's {@code comm}, 15 characters at
         * most) matches, in ms, from Linux's per-thread accounting in {@code /proc/self/task}: user plus
         * system time in clock ticks (100 a second), so good to 10 ms a thread; -1 where unreadable.
         */
        private static long threadsCpuMillis(java.util.function.Predicate<String> name) {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                long ticks = 0;
                for (Path task : tasks.toList()) {
                    String comm;
                    String stat;
                    try {
                        comm = Files.readString(task.resolve("comm")).strip();
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException gone) {
                        continue; // the thread ended meanwhile
                    }
                    if (name.test(comm)) {
                        // fields after the name in parentheses: state is the 3rd, utime the 14th, stime the 15th
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
                return ticks * 10;
            } catch (IOException | RuntimeException unreadable) {
                return -1;
            }
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
