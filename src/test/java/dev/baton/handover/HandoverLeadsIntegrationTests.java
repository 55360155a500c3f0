package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.account.Contact;
import dev.baton.account.Contacts;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.audit.AuditLog;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.Person;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A departing rep's open lead moves with the handover through the API: it is in the book's preview
 * and the plan, it goes to the book's successor with its first-touch step when the handover starts,
 * and the handover completes without anyone having to resolve orphaned work. Found by a hostile probe:
 * the engine's lead moves, and the book going back after a leave, were audited as {@code system}
 * though a person caused them; they now name the handover's launcher and whoever decided.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class HandoverLeadsIntegrationTests extends EngineIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Accounts accounts;

    @Autowired
    Contacts contacts;

    @Autowired
    Handovers handovers;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    HandoverClosing closing;

    @Autowired
    AuditEvents audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOpenLeadOfTheDepartingRepGoesToTheSuccessorWithItsFirstTouchAndTheHandoverCompletes() {
        HandoverFixture fixture = new HandoverFixture(context);
        HandoverFixture.Book book = fixture.book();
        Person departing = book.departing();
        Person successor = book.successor();
        Account second = territoryAccount(departing);
        String territory = second.getTerritory();
        Contact contact = new Contact(second, "Olu " + territory, "CEO", territory + "@customer.example", null, null);
        contact.markPrimary(true);
        contacts.save(contact);
        long lead = fixture.createLead(territory, this::as);
        Task robsTouch = awaitLeadTask(lead, departing, -1);

        Map preview = as("maria").getForObject("/api/handovers/preview?person=" + departing.getId(), Map.class);
        assertThat((List<Map>) preview.get("openLeads"))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .containsEntry("id", (int) lead)
                        .containsEntry("step", "First touch")
                        .containsEntry("ownerUsername", departing.getUsername()));
        Map plan = as("maria")
                .postForObject(
                        "/api/handovers/plan",
                        Map.of(
                                "departingId",
                                departing.getId(),
                                "plan",
                                Map.of("mode", "ONE", "successorId", successor.getId())),
                        Map.class);
        assertThat(plan).containsEntry("openLeads", 1);
        assertThat((String) plan.get("confirmation")).endsWith("; 1 open lead → " + successor.getFullName());

        HandoverFixture.Book launched = fixture.launch(book, true, this::as);

        // moved at once, then made again by the process for the new owner with a fresh SLA
        awaitLeadTask(lead, successor, -1);
        awaitLeadTask(lead, successor, robsTouch.getId());
        // the interrupted step is withdrawn as its replacement arrives (TaskEngineSync.cancelWithdrawnSiblings)
        await().atMost(WAIT)
                .until(() -> tasks.findById(robsTouch.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED);
        Map details = as("maria").getForObject("/api/leads/" + lead, Map.class);
        assertThat((Map) details.get("lead"))
                .containsEntry("ownerUsername", successor.getUsername())
                .containsEntry("status", "NEW");
        // the engine moved it, carrying out maria's handover: her name on the audit trail, not system's
        assertThat(leadAssignments(lead))
                .containsExactly(
                        tuple(departing.getUsername(), AuditLog.SYSTEM), tuple(successor.getUsername(), "maria"));
        // and in the lead's history (found by the session 36 review: the entry was by nobody, shown as Baton's)
        assertThat((List<Map>) details.get("history"))
                .filteredOn(a -> ((String) a.get("summary")).contains("'s handover"))
                .singleElement()
                .satisfies(a -> assertThat(a)
                        .containsEntry(
                                "summary",
                                departing.getFullName() + "'s handover: handed over from " + departing.getFullName()
                                        + " to " + successor.getFullName() + " (successor of the book)")
                        .containsEntry("byUsername", "maria"));
        assertThat(tasks.findAll())
                .noneMatch(t -> t.getStatus() == TaskStatus.OPEN
                        && departing.getUsername().equals(t.getAssignee())
                        && new TaskSubject("lead", lead).equals(t.getSubject()));

        for (int i = 0; i < 2; i++) {
            complete(departing, "task_write_handover_note", HandoverFixture.NOTE);
        }
        for (int i = 0; i < 2; i++) {
            complete(successor, "task_review_and_acknowledge_account", Map.of("acknowledgement", "acknowledge"));
        }
        for (int i = 0; i < 2; i++) {
            openTask(successor, "task_hold_introduction_call");
            dispatcher.dispatch();
            complete(successor, "task_hold_introduction_call", Map.of("callSummary", "Fine"));
        }
        await().atMost(WAIT)
                .until(() -> handovers.findById(launched.id()).orElseThrow().getStatus() == HandoverStatus.COMPLETED);

        assertThat(fixture.open(launched, "task_resolve_orphaned_work")).isEmpty();
        assertThat(tasks.findAll())
                .noneMatch(t -> "task_resolve_orphaned_work".equals(t.getElementId())
                        && new TaskSubject("handover", launched.id()).equals(t.getSubject()));
        Map handover = (Map) as("maria")
                .getForObject("/api/handovers/" + launched.id(), Map.class)
                .get("handover");
        assertThat(handover).containsEntry("leadsMoved", 1);
        assertThat((Map) as("maria")
                        .getForObject("/api/leads/" + lead, Map.class)
                        .get("lead"))
                .containsEntry("ownerUsername", successor.getUsername());
    }

    /**
     * Found by the session 37 probe: the handover moved each untouched lead's first-touch task (a "New task" to the
     * successor, a "Task moved" to the departing rep), then the lead's process replaced it with a new step for the
     * successor (a second "New task"). The move's mails were withdrawn only when the replacement came before the
     * outbox's dispatch, so the successor was mailed twice per lead some of the time. The moving step's mails are not
     * queued at all now: the step the process makes again is the one mail. So this counts every mail queued about the
     * leads' tasks, sent or withdrawn alike, and dispatches the outbox as the move lands, as the scheduler may.
     */
    @Test
    void aHandoverMailsTheSuccessorOneNewTaskPerUntouchedLeadAndTheDepartingRepNoTaskMoved() {
        HandoverFixture fixture = new HandoverFixture(context);
        HandoverFixture.Book book = fixture.book();
        Person departing = book.departing();
        Person successor = book.successor();
        List<Long> leads = List.of(
                fixture.createLead(territoryAccount(departing).getTerritory(), this::as),
                fixture.createLead(territoryAccount(departing).getTerritory(), this::as));
        List<Task> robsTouches =
                leads.stream().map(lead -> awaitLeadTask(lead, departing, -1)).toList();
        dispatcher.dispatch(); // the departing rep had their "New task" mails long ago

        fixture.launch(book, true, this::as);
        await().atMost(WAIT)
                .until(() -> robsTouches.stream()
                        .map(t -> tasks.findById(t.getId()).orElseThrow())
                        .allMatch(t -> t.getStatus() != TaskStatus.OPEN
                                || successor.getUsername().equals(t.getAssignee())));
        dispatcher.dispatch();
        List<Task> replacements = List.of(
                awaitLeadTask(leads.get(0), successor, robsTouches.get(0).getId()),
                awaitLeadTask(leads.get(1), successor, robsTouches.get(1).getId()));
        for (Task old : robsTouches) {
            await().atMost(WAIT)
                    .until(() -> tasks.findById(old.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED);
        }
        dispatcher.dispatch();

        List<Long> leadTasks = leadTaskIds(leads);
        assertThat(queuedAbout(leadTasks, "task-assigned", successor))
                .as("one \"New task\" per lead to the successor, for the step the process made for them")
                .containsExactlyInAnyOrder(
                        tuple(
                                "task-assigned:" + replacements.get(0).getId() + ":" + successor.getId() + ":created",
                                "SENT"),
                        tuple(
                                "task-assigned:" + replacements.get(1).getId() + ":" + successor.getId() + ":created",
                                "SENT"));
        assertThat(queuedAbout(leadTasks, "task-reassigned", departing))
                .as("no \"Task moved\" to the departing rep for a step about to be replaced")
                .isEmpty();
    }

    /** The ids of every task about the leads, oldest first. */
    private List<Long> leadTaskIds(List<Long> leads) {
        return tasks.findAll().stream()
                .filter(t -> t.getSubject() != null
                        && t.getSubject().type().equals("lead")
                        && leads.contains(t.getSubject().id()))
                .map(Task::getId)
                .sorted()
                .toList();
    }

    /** Every mail of {@code template} to {@code to} ever queued about the tasks: (dedup key, status), withdrawn too. */
    private List<Tuple> queuedAbout(List<Long> taskIds, String template, Person to) {
        return jdbc
                .queryForList("select dedup_key, status from outbox_message where dedup_key like ?", template + ":%")
                .stream()
                .filter(r -> taskIds.stream()
                        .anyMatch(id ->
                                ((String) r.get("dedup_key")).startsWith(template + ":" + id + ":" + to.getId() + ":")))
                .map(r -> tuple(r.get("dedup_key"), r.get("status")))
                .toList();
    }

    @Test
    void theResolveOrphanedWorkStepListsWhatIsStillInTheDepartingRepsNameWithLinks() {
        HandoverFixture fixture = new HandoverFixture(context);
        HandoverFixture.Book launched = fixture.launch(fixture.book(), true, this::as);
        Person departing = launched.departing();
        // given to the rep while the handover ran, past its accounts: the orphan check finds it
        Account late = accounts.save(new Account("Late deal " + launched.id(), departing, null, "DACH", null));

        complete(departing, "task_write_handover_note", HandoverFixture.NOTE);
        complete(launched.successor(), "task_review_and_acknowledge_account", Map.of("acknowledgement", "acknowledge"));
        openTask(launched.successor(), "task_hold_introduction_call");
        complete(launched.successor(), "task_hold_introduction_call", Map.of("callSummary", "Fine"));
        Task resolve = fixture.awaitOpen(launched, "task_resolve_orphaned_work");

        Map task = as("maria").getForObject("/api/tasks/" + resolve.getId(), Map.class);
        assertThat((List<Map>) task.get("context")).singleElement().satisfies(c -> {
            assertThat(c)
                    .containsEntry("heading", "Still in " + departing.getFullName() + "'s name")
                    .containsEntry(
                            "text",
                            "1 thing is still in " + departing.getFullName()
                                    + "'s name. Give each to someone (on its page), then complete this step:"
                                    + " Baton checks again.");
            assertThat((List<Map>) c.get("links"))
                    .containsExactly(Map.of(
                            "text", "Account: " + late.getName() + ", owned by " + departing.getFullName(),
                            "href", "/accounts/" + late.getId()));
        });
        assertThat(SignedIn.as(http, "maria").getForObject("/tasks/" + resolve.getId(), String.class))
                .contains("href=\"/accounts/" + late.getId() + "\"");
    }

    @Test
    void aLeadAlreadyBeingWorkedGoesToTheSuccessorWithItsWorkStepAndNoNewFirstTouch() {
        HandoverFixture fixture = new HandoverFixture(context);
        HandoverFixture.Book book = fixture.book();
        Person departing = book.departing();
        long lead = fixture.createLead(territoryAccount(departing).getTerritory(), this::as);
        Task touch = awaitLeadTask(lead, departing, -1);
        ResponseEntity<Map> contacted = as(departing.getUsername())
                .postForEntity("/api/tasks/" + touch.getId() + "/complete", Map.of("outcome", "contacted"), Map.class);
        assertThat(contacted.getStatusCode()).isEqualTo(HttpStatus.OK);
        Task work = openTask(departing, "task_work_lead");
        dispatcher.dispatch(); // the departing rep had the step's "New task" (one still waiting is withdrawn instead)

        fixture.launch(book, true, this::as);

        await().atMost(WAIT)
                .until(
                        () -> tasks.findById(work.getId()).orElseThrow().getAssignee(),
                        book.successor().getUsername()::equals);
        assertThat((Map) as("maria")
                        .getForObject("/api/leads/" + lead, Map.class)
                        .get("lead"))
                .containsEntry("ownerUsername", book.successor().getUsername())
                .containsEntry("status", "WORKING");
        assertThat(tasks.findById(work.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(tasks.findAll())
                .noneMatch(t -> new TaskSubject("lead", lead).equals(t.getSubject())
                        && t.getStatus() == TaskStatus.OPEN
                        && "task_first_touch".equals(t.getElementId()));
        // as the accounts' tasks a handover moves: no "Task moved" to the departing rep, who is handing the book
        // over (found by the session 38 review: the worked lead's step still mailed one); the successor, whom
        // "You are taking over" does not tell of leads, gets the step's "New task"
        assertThat(queuedAbout(leadTaskIds(List.of(lead)), "task-reassigned", departing))
                .isEmpty();
        assertThat(queuedAbout(List.of(work.getId()), "task-assigned", book.successor()))
                .singleElement()
                .satisfies(t -> assertThat((String) t.toList().getFirst()).doesNotEndWith(":created"));
    }

    @Test
    void afterALeaveWhoseOwnershipReturnsTheLeadStillOpenGoesBackToThePersonWhoWasAway() {
        HandoverFixture fixture = new HandoverFixture(context);
        HandoverFixture.Book book = fixture.book();
        Person away = book.departing();
        Person cover = book.successor();
        Account second = territoryAccount(away);
        long lead = fixture.createLead(second.getTerritory(), this::as);
        Task awaysTouch = awaitLeadTask(lead, away, -1);

        HandoverFixture.Book launched =
                fixture.launchLeave(book, LocalDate.now().plusDays(30), this::as);
        // the step made again for the cover (the moved one is cancelled as it arrives)
        Task coversTouch = awaitLeadTask(lead, cover, awaysTouch.getId());
        // both accounts' notes: each account moves to the cover once its note is written
        for (int i = 0; i < 2; i++) {
            complete(away, "task_write_handover_note", HandoverFixture.NOTE);
        }
        for (Account account : List.of(book.account(), second)) {
            await().atMost(WAIT).until(() -> ownerOf(account).equals(cover.getId()));
        }

        // the leave ends (its timer skipped here); maria hands the decision to ada, who returns the book
        Task decide = fixture.skipToTheEndOfTheLeave(launched, records());
        assertThat(as("maria")
                        .postForEntity("/api/tasks/" + decide.getId() + "/delegate", Map.of("to", "ada"), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("ada")
                        .postForEntity(
                                "/api/tasks/" + decide.getId() + "/complete",
                                Map.of("ownershipAfterLeave", "return"),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        await().atMost(WAIT)
                .until(() -> handovers.findById(launched.id()).orElseThrow().getLeaveOutcome() != null);
        // a second delivery of the settle step changes nothing
        closing.settleLeave(launched.id(), true, "ada");

        Map details = as("maria").getForObject("/api/leads/" + lead, Map.class);
        assertThat((Map) details.get("lead")).containsEntry("ownerUsername", away.getUsername());
        assertThat((List<Map>) details.get("history"))
                .filteredOn(a -> ((String) a.get("summary")).contains("return from leave"))
                .singleElement()
                .satisfies(a -> assertThat(a)
                        .containsEntry(
                                "summary",
                                away.getFullName() + "'s return from leave: given back from " + cover.getFullName()
                                        + " to " + away.getFullName())
                        .containsEntry("byUsername", "ada"));
        // the untouched lead's first touch starts again with the person back from leave
        Task backAgain = awaitLeadTask(lead, away, awaysTouch.getId(), coversTouch.getId());
        // each step the process made is the one "New task" mail about it; the moves that it replaced mailed nobody
        List<Long> leadTasks = leadTaskIds(List.of(lead));
        assertThat(queuedAbout(leadTasks, "task-assigned", away))
                .extracting(t -> t.toList().getFirst())
                .containsExactlyInAnyOrder(
                        "task-assigned:" + awaysTouch.getId() + ":" + away.getId() + ":created",
                        "task-assigned:" + backAgain.getId() + ":" + away.getId() + ":created");
        assertThat(queuedAbout(leadTasks, "task-assigned", cover))
                .extracting(t -> t.toList().getFirst())
                .containsExactly("task-assigned:" + coversTouch.getId() + ":" + cover.getId() + ":created");
        assertThat(queuedAbout(leadTasks, "task-reassigned", away)).isEmpty();
        assertThat(queuedAbout(leadTasks, "task-reassigned", cover)).isEmpty();
        assertThat(List.of(ownerOf(book.account()), ownerOf(second))).containsOnly(away.getId());
        // the moves back carry out ada's decision: her name on the audit trail, as the handover's are maria's
        assertThat(leadAssignments(lead))
                .containsExactly(
                        tuple(away.getUsername(), AuditLog.SYSTEM),
                        tuple(cover.getUsername(), "maria"),
                        tuple(away.getUsername(), "ada"));
        for (Account account : List.of(book.account(), second)) {
            assertThat(audit.findByAccountIdOrderByAt(account.getId()))
                    .filteredOn(e -> e.getAction().equals("account.transferred"))
                    .extracting(AuditEvent::getActor)
                    .containsExactly("maria", "ada");
        }
        assertThat(audit.findByEntityTypeAndEntityIdOrderByAt("handover", launched.id()))
                .filteredOn(e -> e.getAction().equals("handover.leave-settled"))
                .singleElement()
                .returns("ada", AuditEvent::getActor);
    }

    /** The lead's assignments on the audit trail, oldest first: (new owner, actor). */
    private List<Tuple> leadAssignments(long lead) {
        return audit.findByEntityTypeAndEntityIdOrderByAt("lead", lead).stream()
                .filter(e -> e.getAction().equals("lead.assigned"))
                .map(e -> tuple(e.getAfterState().get("owner"), e.getActor()))
                .toList();
    }

    /** An account in a territory of its own, owned by {@code owner}: the lead playbook gives its leads to them. */
    private Account territoryAccount(Person owner) {
        String territory = "T-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.save(new Account("Lead territory " + territory, owner, null, territory, null));
    }

    private Long ownerOf(Account account) {
        return accounts.findById(account.getId()).orElseThrow().getOwner().getId();
    }

    /**
     * The lead's open first-touch step for {@code owner} (other than the tasks {@code not}), once its row
     * exists and its job lock is extended.
     */
    private Task awaitLeadTask(long lead, Person owner, long... not) {
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> new TaskSubject("lead", lead).equals(t.getSubject())
                                        && "task_first_touch".equals(t.getElementId())
                                        && Arrays.stream(not).noneMatch(n -> n == t.getId())
                                        && t.getStatus() == TaskStatus.OPEN
                                        && owner.getUsername().equals(t.getAssignee())
                                        && t.getLockExpiresAt()
                                                .isAfter(Instant.now().plus(Duration.ofDays(1))))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    private Task openTask(Person who, String elementId) {
        return HandoverFixture.awaitOpenTask(tasks, who, elementId);
    }

    private void complete(Person who, String elementId, Map<String, Object> values) {
        HandoverFixture.complete(tasks, as(who.getUsername()), who, elementId, values);
    }
}
