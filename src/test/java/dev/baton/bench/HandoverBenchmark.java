package dev.baton.bench;

import static org.awaitility.Awaitility.await;

import dev.baton.handover.HandoverService;
import dev.baton.handover.LaunchRequest;
import dev.baton.handover.SuccessorPlan;
import dev.baton.handover.HandoverReason;
import dev.baton.people.NewPerson;
import dev.baton.people.PeopleService;
import dev.baton.people.Role;
import dev.baton.people.Teams;
import dev.baton.process.EngineIntegrationTest;
import dev.baton.process.HandoverWorkersReference;
import io.camunda.client.CamundaClient;
import dev.baton.task.Task;
import dev.baton.task.TaskService;
import dev.baton.task.TaskStatus;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One handover of a synthetic book of {@code baton.bench.accounts} accounts (each with a primary
 * contact and an open commitment; every tenth with an open task), one successor for all, the human
 * steps driven by a scripted user through the task service. Then, in the same JVM and engine, the
 * same two BPMN models under other ids with no-op workers and the same scripted user: the
 * reference. Prints figures; asserts nothing about time.
 */
@Tag("benchmark")
class HandoverBenchmark extends EngineIntegrationTest {

  static final int N = Integer.getInteger("baton.bench.accounts", 1000);
  static final Duration LIMIT = Duration.ofMinutes(30);
  static final Map<String, Map<String, Object>> ANSWERS = Map.of(
      "task_write_handover_note", Map.of("relationshipSummary", "Loyal", "keyContacts", "Ana", "openCommitmentsAndRisks", "None"),
      "task_review_and_acknowledge_account", Map.of("acknowledgement", "acknowledge"),
      "task_hold_introduction_call", Map.of("callSummary", "Fine"),
      "task_resolve_orphaned_work", Map.of("resolution", "Done"));

  @Autowired PeopleService people;
  @Autowired Teams teams;
  @Autowired HandoverService handovers;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;

  @Test
  void handsOverABookAndPrintsTheFigures() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    long departing = person("bench-dep-" + tag);
    long successor = person("bench-suc-" + tag);
    String dep = "bench-dep-" + tag;
    String suc = "bench-suc-" + tag;
    book(departing, tag);
    Figures before = Figures.now();

    Instant launched = Instant.now();
    long id = handovers.launch(new LaunchRequest(departing, HandoverReason.LEAVING, LocalDate.now().plusDays(30), null,
        new SuccessorPlan(SuccessorPlan.Mode.ONE, successor, null, null), null), "maria");
    drive("account-handover", () -> "COMPLETED".equals(
        jdbc.queryForObject("select status from handover where id = ?", String.class, id)));
    Duration baton = Duration.between(launched, Instant.now());
    List<Long> batonPerAccount = jdbc.queryForList("select (extract(epoch from (i.call_held_at - h.created_at)) * 1000)::bigint"
        + " from handover_item i join handover h on h.id = i.handover_id where h.id = ? order by 1", Long.class, id);
    Figures afterBaton = Figures.now();

    Instant refStart = Instant.now();
    Duration ref;
    List<Long> refPerAccount;
    try (HandoverWorkersReference reference = new HandoverWorkersReference(client)) {
      reference.start(N, dep, suc);
      drive(HandoverWorkersReference.ACCOUNT_PROCESS, reference::finished);
      ref = Duration.between(refStart, Instant.now());
      refPerAccount = reference.perAccountMillis(refStart);
    }
    Figures afterRef = Figures.now();

    System.out.printf("%nHANDOVER BENCHMARK, N=%d accounts (shared 2-core machine; one run, in-memory engine)%n", N);
    print("Baton", baton, batonPerAccount, afterBaton);
    print("reference (no-op workers)", ref, refPerAccount, afterRef);
    System.out.printf("before: heap %d MB, RSS %d MB%n%n", before.heapMb, before.rssMb);
  }

  private void print(String what, Duration wall, List<Long> perAccount, Figures f) {
    System.out.printf("%-26s wall %6.1f s  %7.1f accounts/s  p50 %6.1f s  p95 %6.1f s  heap %5d MB  RSS %5d MB%n", what,
        wall.toMillis() / 1000.0, N * 1000.0 / wall.toMillis(), pct(perAccount, 50) / 1000.0, pct(perAccount, 95) / 1000.0,
        f.heapMb, f.rssMb);
  }

  /** The scripted user: completes each open task of the process as its assignee until {@code done}. */
  private void drive(String processId, BooleanSupplier done) {
    Instant until = Instant.now().plus(LIMIT);
    while (!done.getAsBoolean()) {
      // only rows the bridge has settled (lock extended): completing a row in the instant between its
      // insert and its lock extension makes the bridge fail the job (reported; the bridge is not ours)
      List<Task> ready = ready(processId);
      ready.forEach(this::completeAsAssignee);
      if (ready.isEmpty()) {
        await().atMost(LIMIT).pollInterval(Duration.ofMillis(50))
            .until(() -> done.getAsBoolean() || !ready(processId).isEmpty());
      }
      if (Instant.now().isAfter(until)) {
        throw new IllegalStateException("not done within " + LIMIT);
      }
    }
  }

  private List<Task> ready(String processId) {
    Instant settled = Instant.now().plus(Duration.ofDays(1));
    return tasks.findAll((t, q, cb) -> cb.and(cb.equal(t.get("bpmnProcessId"), processId),
            cb.equal(t.get("status"), TaskStatus.OPEN), cb.isNotNull(t.get("assignee")),
            cb.greaterThan(t.get("lockExpiresAt"), settled)))
        .stream().filter(t -> ANSWERS.containsKey(t.getElementId())).toList();
  }

  private void completeAsAssignee(Task task) {
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(task.getAssignee(), null, List.of()));
    try {
      taskService.complete(task.getId(), ANSWERS.get(task.getElementId()));
    } catch (RuntimeException alreadyGone) {
      // completed or withdrawn meanwhile: the next round sees the current state
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private void book(long owner, String tag) throws Exception {
    long maria = jdbc.queryForObject("select id from person where username = 'maria'", Long.class);
    List<Object[]> rows = IntStream.range(0, N).mapToObj(i -> new Object[] {"Bench " + tag + " " + i, owner}).toList();
    jdbc.batchUpdate("insert into account (name, owner_id, territory) values (?, ?, 'DACH')", rows);
    List<Long> ids = jdbc.queryForList("select id from account where owner_id = ? order by id", Long.class, owner);
    jdbc.batchUpdate("insert into contact (account_id, full_name, email, primary_contact) values (?, ?, ?, true)",
        ids.stream().map(a -> new Object[] {a, "Contact " + a, "c" + a + "@bench.example"}).toList());
    jdbc.batchUpdate("insert into commitment (account_id, description, made_by_id, owner_id, due_date, status)"
        + " values (?, 'Bench promise', ?, ?, current_date + 60, 'ACCEPTED')",
        ids.stream().map(a -> new Object[] {a, maria, owner}).toList());
    String username = jdbc.queryForObject("select username from person where id = ?", String.class, owner);
    for (int i = 0; i < ids.size(); i += 10) {
      Task task = awaitTaskOf(startReview(ids.get(i)));
      jdbc.update("update task set assignee = ? where id = ?", username, task.getId()); // as if the rep had claimed it
    }
  }

  private long person(String username) {
    return people.create(new NewPerson(username, "Bench " + username, username + "@baton.example", "demo",
        Set.of(Role.REP), teams.findByKey("sales-emea").orElseThrow().getId(),
        jdbc.queryForObject("select id from person where username = 'maria'", Long.class))).id();
  }

  private static long pct(List<Long> sorted, int p) {
    List<Long> s = new ArrayList<>(sorted);
    s.sort(null);
    return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
  }

  record Figures(long heapMb, long rssMb) {
    static Figures now() throws Exception {
      System.gc();
      Runtime r = Runtime.getRuntime();
      long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
      return new Figures((r.totalMemory() - r.freeMemory()) >> 20, rss);
    }
  }
}
