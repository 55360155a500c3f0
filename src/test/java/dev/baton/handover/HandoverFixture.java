package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.account.Contact;
import dev.baton.account.Contacts;
import dev.baton.handover.engine.HandoverBpmn.Rep;
import dev.baton.people.NewPerson;
import dev.baton.people.People;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Teams;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.Tasks;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh departing rep (in maria's line) with a one-account book and a successor, launched through
 * the API, for tests that drive a handover's steps from outside (the API, the browser). Made from
 * the test's application context (not a bean, so that no test context changes because of it).
 */
public class HandoverFixture {

    /**
     * How long a test waits for the engine and the workers. Workers take pushed jobs and poll every
     * 10 s as a fallback (camunda.client.worker.defaults.poll-interval): a push handed back on a loaded
     * machine is picked up by that poll, so waits cover several of them.
     */
    public static final Duration WAIT = Duration.ofSeconds(75);

    public static final Map<String, Object> NOTE = Map.of(
            "relationshipSummary",
            "Loyal since 2019",
            "keyContacts",
            "Ana decides",
            "openCommitmentsAndRisks",
            "Training owed by March");

    private final PeopleService peopleService;
    private final People people;
    private final Teams teams;
    private final Accounts accounts;
    private final Contacts contacts;
    private final Tasks tasks;
    private final Handovers handovers;
    private final ObjectProvider<CamundaClient> camunda;
    private final JdbcTemplate jdbc;

    public HandoverFixture(ApplicationContext context) {
        this.peopleService = context.getBean(PeopleService.class);
        this.people = context.getBean(People.class);
        this.teams = context.getBean(Teams.class);
        this.accounts = context.getBean(Accounts.class);
        this.contacts = context.getBean(Contacts.class);
        this.tasks = context.getBean(Tasks.class);
        this.handovers = context.getBean(Handovers.class);
        this.camunda = context.getBeanProvider(CamundaClient.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /**
     * Records that {@code person}'s handover for leaving has completed, effective {@code leavesOn}: their
     * book has gone and they stay active until that day.
     */
    public void leaving(Person person, LocalDate leavesOn) {
        jdbc.update(
                "insert into handover (departing_id, launched_by, reason, effective_date, status, completed_at)"
                        + " values (?, 'maria', 'LEAVING', ?, 'COMPLETED', now())",
                person.getId(),
                leavesOn);
    }

    /** The people and the account of one handover; {@code id} once launched. */
    public record Book(Person departing, Person successor, Account account, long id) {}

    /** A new rep and successor in maria's team, and one account of the rep's with a primary contact. */
    public Book book() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Long team = teams.findByKey("sales-emea").orElseThrow().getId();
        Long maria = people.findByUsername("maria").orElseThrow().getId();
        Person departing = person("fx-dep-" + tag, "Dana Departing " + tag, team, maria);
        Person successor = person("fx-suc-" + tag, "Sam Successor " + tag, team, maria);
        Account account = accounts.save(new Account("Brauerei " + tag, departing, "mid-market", "DACH", null));
        Contact ana = new Contact(account, "Ana " + tag, "CFO", "ana-" + tag + "@customer.example", null, "mail");
        ana.markPrimary(true);
        contacts.save(ana);
        return new Book(departing, successor, account, 0);
    }

    /** Another rep in maria's team and line: a second possible successor. */
    public Person colleague(String name) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return person(
                "fx-col-" + tag,
                name + " " + tag,
                teams.findByKey("sales-emea").orElseThrow().getId(),
                people.findByUsername("maria").orElseThrow().getId());
    }

    /** One more account in the departing rep's book, with a primary contact (and so an introduction mail). */
    public Account account(Book book, String name) {
        Account account = accounts.save(new Account(name, book.departing(), "mid-market", "DACH", null));
        Contact contact =
                new Contact(account, "Contact of " + name, "CEO", UUID.randomUUID() + "@customer.example", null, null);
        contact.markPrimary(true);
        contacts.save(contact);
        return account;
    }

    /** maria launches the handover: to the successor, or (withSuccessor false) with the successor left to choose. */
    public Book launch(Book book, boolean withSuccessor, Function<String, TestRestTemplate> as) {
        return launch(book, withSuccessor, as, "LEAVING", null);
    }

    /** maria launches the handover, to the successor, for {@code reason} (a {@code HandoverReason} name). */
    public Book launch(Book book, String reason, Function<String, TestRestTemplate> as) {
        return launch(book, true, as, reason, null);
    }

    /** maria launches the handover for a leave of absence to the successor, ending {@code endDate}. */
    public Book launchLeave(Book book, LocalDate endDate, Function<String, TestRestTemplate> as) {
        return launch(book, true, as, "LEAVE_OF_ABSENCE", endDate);
    }

    @SuppressWarnings("rawtypes")
    private Book launch(
            Book book, boolean withSuccessor, Function<String, TestRestTemplate> as, String reason, LocalDate endDate) {
        Map<String, Object> plan = withSuccessor
                ? Map.of("mode", "ONE", "successorId", book.successor().getId())
                : Map.of("mode", "PER_ACCOUNT", "perAccount", Map.of());
        Map<String, Object> request = launchRequest(book, reason, plan);
        if (endDate != null) {
            request.put("endDate", endDate.toString());
        }
        ResponseEntity<Map> launched = as.apply("maria").postForEntity("/api/handovers", request, Map.class);
        assertThat(launched.getStatusCode())
                .as("launch: %s", launched.getBody())
                .isEqualTo(HttpStatus.CREATED);
        long id = ((Number) ((Map) launched.getBody().get("handover")).get("id")).longValue();
        return new Book(book.departing(), book.successor(), book.account(), id);
    }

    /**
     * The body of {@code POST /api/handovers} for the book's departing person, effective in four days, with this
     * plan; mutable, for a test that adds to it (an end date, introductions opted out).
     */
    public static Map<String, Object> launchRequest(Book book, String reason, Map<String, Object> plan) {
        return new java.util.HashMap<>(Map.of(
                "departingId",
                book.departing().getId(),
                "reason",
                reason,
                "effectiveDate",
                LocalDate.now().plusDays(4).toString(),
                "plan",
                plan));
    }

    /** The person's open task at that step, once it is there. */
    public static Task awaitOpenTask(Tasks tasks, Person who, String elementId) {
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getStatus() == TaskStatus.OPEN
                                        && who.getUsername().equals(t.getAssignee())
                                        && elementId.equals(t.getElementId()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    /** Waits for the person's open task at that step, then completes it as them through the task API. */
    @SuppressWarnings("rawtypes")
    public static void complete(
            Tasks tasks, TestRestTemplate asWho, Person who, String elementId, Map<String, Object> values) {
        Task task = awaitOpenTask(tasks, who, elementId);
        ResponseEntity<Map> done = asWho.postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class);
        assertThat(done.getStatusCode())
                .as("%s completes %s: %s", who.getUsername(), elementId, done.getBody())
                .isEqualTo(HttpStatus.OK);
    }

    /** The one open task of the handover at that step, once it is there. */
    /**
     * A lead maria records in {@code territory}, whose first-touch timer fires in 30 days (never while the suite
     * runs); its id.
     */
    public long createLead(String territory, Function<String, TestRestTemplate> as) {
        ResponseEntity<Map> created = as.apply("maria")
                .postForEntity(
                        "/api/leads",
                        Map.of(
                                "company",
                                "Acme " + territory,
                                "personName",
                                "Jane Doe",
                                "email",
                                "jane-" + territory + "@acme.example",
                                "source",
                                "web",
                                "territory",
                                territory,
                                "firstTouchSla",
                                "P30D"),
                        Map.class);
        assertThat(created.getStatusCode()).as("lead: %s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    public Task awaitOpen(Book book, String elementId) {
        return await().atMost(WAIT)
                .until(() -> open(book, elementId), found -> found.size() == 1)
                .get(0);
    }

    /** The handover's open tasks at that step. */
    public List<Task> open(Book book, String elementId) {
        return tasks.findAll().stream()
                .filter(t -> t.getStatus() == TaskStatus.OPEN
                        && elementId.equals(t.getElementId())
                        && t.getSubject() != null
                        && t.getSubject().id() == book.id()
                        && "handover".equals(t.getSubject().type()))
                .toList();
    }

    /**
     * Moves the handover's process past the rest of the book's steps and the leave's timer (weeks away)
     * to "Decide ownership after leave", as the timer would; that step's task for maria, once it is there.
     */
    public Task skipToTheEndOfTheLeave(Book launched, RecordStream records) {
        long instance = handovers.findById(launched.id()).orElseThrow().getProcessInstanceKey();
        long accountSteps = StreamSupport.stream(
                        records.processInstanceRecords().spliterator(), false)
                .filter(r -> r.getValue().getProcessInstanceKey() == instance
                        && r.getValue().getBpmnElementType() == BpmnElementType.MULTI_INSTANCE_BODY
                        && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .findFirst()
                .orElseThrow()
                .getKey();
        camunda.getObject()
                .newModifyProcessInstanceCommand(instance)
                .activateElement(Rep.TASK_DECIDE_AFTER_LEAVE)
                .and()
                .terminateElement(accountSteps)
                .send()
                .join();
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getProcessInstanceKey() == instance
                                        && Rep.TASK_DECIDE_AFTER_LEAVE.equals(t.getElementId())
                                        && t.getStatus() == TaskStatus.OPEN
                                        && "maria".equals(t.getAssignee()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    private Person person(String username, String fullName, Long teamId, Long managerId) {
        Long id = peopleService
                .create(new NewPerson(
                        username, fullName, username + "@baton.example", "demo", Set.of(Role.REP), teamId, managerId))
                .id();
        return people.findById(id).orElseThrow();
    }
}
