package dev.baton.handover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.account.Contact;
import dev.baton.account.Contacts;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.engine.WorkerRecords;
import dev.baton.handover.Handovers;
import dev.baton.people.NewPerson;
import dev.baton.people.People;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Teams;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The handover models with the real HandoverWorkers: a departing rep (managed by maria) with one
 * account, a successor, and the people's steps done through the task API as the assignee.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
abstract class HandoverWorkerProcessTest extends EngineIntegrationTest {

    static final Map<String, Object> NOTE = Map.of(
            "relationshipSummary",
            "Loyal since 2019",
            "keyContacts",
            "Ana decides",
            "openCommitmentsAndRisks",
            "Training owed");

    @Autowired
    PeopleService peopleService;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    Handovers handovers;

    @Autowired
    JdbcTemplate jdbc;

    WorkerRecords sent;
    Person departing;
    Person successor;
    Account account;

    @BeforeEach
    void aRepWithOneAccount() {
        sent = new WorkerRecords(engine, WAIT);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Long team = teams.findByKey("sales-emea").orElseThrow().getId();
        Long maria = people.findByUsername("maria").orElseThrow().getId();
        departing = person("wk-dep-" + tag, "Dora Departing", team, maria);
        successor = person("wk-suc-" + tag, "Sid Successor", team, maria);
        account = accounts.save(new Account("Worker " + tag, departing, "mid-market", "DACH", null));
        Contact ana = new Contact(account, "Ana " + tag, "CFO", "ana-" + tag + "@customer.example", null, "mail");
        ana.markPrimary(true);
        contacts.save(ana);
    }

    /** Launches the departing rep's handover through the API: to the successor, or (null) unplanned. */
    long launch(Person to) {
        Map<String, Object> plan =
                to == null ? Map.of("mode", "PER_ACCOUNT") : Map.of("mode", "ONE", "successorId", to.getId());
        ResponseEntity<Map> launched = as("maria")
                .postForEntity(
                        "/api/handovers",
                        Map.of(
                                "departingId",
                                departing.getId(),
                                "reason",
                                "LEAVING",
                                "effectiveDate",
                                LocalDate.now().plusDays(7).toString(),
                                "plan",
                                plan),
                        Map.class);
        assertThat(launched.getStatusCode())
                .as("launch: %s", launched.getBody())
                .isEqualTo(HttpStatus.CREATED);
        return ((Number) ((Map) launched.getBody().get("handover")).get("id")).longValue();
    }

    /** The rep-handover instance, once the start worker has recorded it. */
    long repInstance(long handoverId) {
        return await().atMost(WAIT)
                .until(() -> handovers.findById(handoverId).orElseThrow().getProcessInstanceKey(), key -> key != null);
    }

    /** The person's open task at that step of this test's account. */
    Task awaitOpenTask(Person who, String elementId) {
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getStatus() == TaskStatus.OPEN
                                        && who.getUsername().equals(t.getAssignee())
                                        && elementId.equals(t.getElementId())
                                        && account.getId().equals(t.getAccountId()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    /** Completes the person's open task at that step through the task API; answers the task's process instance. */
    long complete(Person who, String elementId, Map<String, Object> values) {
        Task task = awaitOpenTask(who, elementId);
        ResponseEntity<Map> done =
                as(who.getUsername()).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class);
        assertThat(done.getStatusCode())
                .as("%s completes %s: %s", who.getUsername(), elementId, done.getBody())
                .isEqualTo(HttpStatus.OK);
        return task.getProcessInstanceKey();
    }

    /** The three steps a planned account needs from people: note, acknowledgement, introduction call. */
    long handOverTheAccount() {
        long instance = complete(departing, HandoverBpmn.Account.TASK_WRITE_NOTE, NOTE);
        complete(successor, HandoverBpmn.Account.TASK_ACKNOWLEDGE, Map.of("acknowledgement", "acknowledge"));
        complete(successor, HandoverBpmn.Account.TASK_INTRO_CALL, Map.of("callSummary", "Friendly"));
        return instance;
    }

    Person person(String username, String fullName, Long teamId, Long managerId) {
        Long id = peopleService
                .create(new NewPerson(
                        username, fullName, username + "@baton.example", "demo", Set.of(Role.REP), teamId, managerId))
                .id();
        return people.findById(id).orElseThrow();
    }
}
