package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.Commitments;
import dev.baton.handover.engine.HandoverBpmn.Jobs;
import dev.baton.handover.engine.HandoverBpmn.Rep;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.NewPerson;
import dev.baton.people.People;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Teams;
import dev.baton.support.Mails;
import dev.baton.support.SignedIn;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSpec;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * What the plan preview and the launch tell a manager before a handover that cannot do what they
 * would expect (found by the session 45 probe): a book of no account, whose commitments and tasks the
 * handover does not move; a team with nobody who could take the accounts over; a manager's own book.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class HandoverLaunchWarningsIntegrationTests extends HandoverBookTest {

    @Autowired
    Commitments commitments;

    @Autowired
    Accounts accounts;

    @Autowired
    Handovers handovers;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    @Autowired
    PeopleService peopleService;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    TaskService taskService;

    /**
     * Customer success's colin owns no account but 8 open commitments: the preview said "0 accounts", he
     * was asked for "a handover note for each of your 0 accounts", and the manager got "Resolve orphaned
     * work" at once, five days before his last day.
     */
    @Test
    void aBookOfNoAccountNamesWhatStaysAndWaitsForTheEffectiveDate() {
        Person cs = fixture.colleague("Cody Customersuccess");
        for (String promise : List.of("Quarterly usage report", "Training plan")) {
            commitments.save(new Commitment(
                    book.account(),
                    null,
                    promise,
                    book.departing(),
                    cs,
                    null,
                    LocalDate.now().plusDays(30)));
        }
        LocalDate effective = LocalDate.now().plusDays(4);
        Map<String, Object> request =
                Map.of("departingId", cs.getId(), "reason", "LEAVING", "effectiveDate", effective.toString());

        ResponseEntity<Map> preview = as("maria").postForEntity("/api/handovers/plan", request, Map.class);
        assertThat(preview.getStatusCode()).as("%s", preview.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) preview.getBody().get("confirmation")).startsWith("0 accounts");
        assertThat((List<String>) preview.getBody().get("warnings"))
                .containsExactly("2 open commitments in " + cs.getFullName()
                        + "'s name are on no account of this book: the handover does not move them. On "
                        + dev.baton.shared.Dates.calendarDay(effective)
                        + ", Baton lists what is still in their name to you as orphaned work"
                        + " (\"Resolve orphaned work\"), to give to someone.");
        assertThat(wizardWarnings("maria", cs.getId(), "ONE"))
                .as("the wizard lists them under its confirmation, the date as yet unknown")
                .containsExactly("2 open commitments in " + cs.getFullName()
                        + "'s name are on no account of this book: the handover does not move them. On the effective"
                        + " date, Baton lists what is still in their name to you as orphaned work"
                        + " (\"Resolve orphaned work\"), to give to someone.");

        ResponseEntity<Map> launched = as("maria").postForEntity("/api/handovers", request, Map.class);
        assertThat(launched.getStatusCode()).as("%s", launched.getBody()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) ((Map) launched.getBody().get("handover")).get("id")).longValue();
        long instance = await().atMost(WAIT)
                .until(() -> handovers.findById(id).orElseThrow(), h -> h.getStatus() == HandoverStatus.RUNNING)
                .getProcessInstanceKey();

        // the process waits for the effective date before the orphan check
        RecordStream records = RecordStream.of(engine.getRecordStreamSource());
        await().atMost(WAIT)
                .until(() -> StreamSupport.stream(
                                records.processInstanceRecords().spliterator(), false)
                        .anyMatch(r -> r.getValue().getProcessInstanceKey() == instance
                                && Rep.TIMER_EFFECTIVE_DATE.equals(r.getValue().getElementId())
                                && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED));
        assertThat(StreamSupport.stream(records.jobRecords().spliterator(), false)
                        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
                        .map(r -> r.getValue().getType()))
                .as("no orphan check before the effective date")
                .doesNotContain(Jobs.CHECK_ORPHANS);
        assertThat(fixture.open(new HandoverFixture.Book(cs, null, null, id), Rep.TASK_RESOLVE_ORPHANS))
                .isEmpty();

        dispatcher.dispatch();
        assertThat(Mails.to(greenMail, cs.getEmail()).stream().map(Mails::subject))
                .as("no notes to write")
                .noneMatch(s -> s.contains("handover note"));
    }

    /**
     * What stays is counted in the database (session 46: the preview loaded every open commitment and task of
     * the person to count them); only what is on no account of the book counts, not what moves with it. A book
     * of two accounts with known numbers, different for commitments (3 stay) and tasks (2 stay), so a count that
     * left out one account's, counted what moves, or swapped the two fails (session 47: with 3 and 3 on one
     * account, the swap passed).
     */
    @Test
    void thePreviewCountsTheOpenCommitmentsAndTasksOnNoAccountOfTheBook() {
        Person departing = book.departing();
        Account second = fixture.account(book, "Second " + departing.getUsername());
        Account elsewhere = accounts.save(
                new Account("Elsewhere " + departing.getUsername(), book.successor(), null, "DACH", null));
        for (String promise : List.of("Moves 1", "Moves 2")) {
            promise(book.account(), promise, departing);
        }
        promise(second, "Moves 3", departing);
        for (String promise : List.of("Stays 1", "Stays 2", "Stays 3")) {
            promise(elsewhere, promise, departing);
        }
        promise(elsewhere, "Someone else's", book.successor());
        task(departing, book.account().getId()); // moves with the account
        task(departing, second.getId()); // and with the second
        task(departing, second.getId());
        task(departing, elsewhere.getId());
        task(departing, null);
        task(book.successor(), null);

        ResponseEntity<Map> preview = as("maria")
                .postForEntity(
                        "/api/handovers/plan",
                        Map.of(
                                "departingId",
                                departing.getId(),
                                "plan",
                                Map.of(
                                        "mode",
                                        "ONE",
                                        "successorId",
                                        book.successor().getId())),
                        Map.class);

        assertThat(preview.getStatusCode()).as("%s", preview.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) preview.getBody().get("warnings"))
                .containsExactly("3 open commitments and 2 open tasks in " + departing.getFullName()
                        + "'s name are on no account of this book: the handover does not move them. Once the"
                        + " accounts are handed over, Baton lists what is still in their name to you as orphaned"
                        + " work (\"Resolve orphaned work\"), to give to someone.");
    }

    /** An open commitment made by the departing person on {@code account}, owned by {@code owner}, due in 30 days. */
    private void promise(Account account, String title, Person owner) {
        commitments.save(new Commitment(
                account,
                null,
                title,
                book.departing(),
                owner,
                null,
                LocalDate.now().plusDays(30)));
    }

    /** An open task of {@code assignee} on the account {@code accountId} (null: on none), as a step would be. */
    private void task(Person assignee, Long accountId) {
        taskService.upsert(new TaskSpec(
                ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE),
                1,
                2,
                "warnings-test",
                1,
                "task_follow_up",
                "Follow up",
                assignee.getUsername(),
                Set.of(),
                null,
                null,
                null,
                accountId,
                null,
                false,
                false));
    }

    /**
     * The only rep of a team: the preview said "14 accounts: 14 → you decide" with no warning, and the
     * launch gave the manager 14 "Choose successor" steps listing nobody.
     */
    @Test
    void aBookNobodyCouldTakeOverIsWarnedOfAndNotLaunched() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person mona = person("mona-" + tag, "Mona Manager " + tag, Role.MANAGER, null);
        Person solo = person("solo-" + tag, "Sol Solo " + tag, Role.REP, mona);
        accounts.save(new Account("Einzel " + tag, solo, "mid-market", "DACH", null));
        Map<String, Object> request = Map.of(
                "departingId",
                solo.getId(),
                "reason",
                "LEAVING",
                "effectiveDate",
                LocalDate.now().plusDays(4).toString());
        String nobody = "nobody can take over " + solo.getFullName() + "'s account: no other active rep of "
                + teams.findByKey("sales-emea").orElseThrow().getName()
                + " in the line could be chosen as successor. Add one to the team, then launch";

        ResponseEntity<Map> preview = as(mona.getUsername()).postForEntity("/api/handovers/plan", request, Map.class);
        assertThat(preview.getStatusCode()).as("%s", preview.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) preview.getBody().get("warnings"))
                .containsExactly(nobody + " (the launch is refused)");
        assertThat(wizardWarnings(mona.getUsername(), solo.getId(), "PER_ACCOUNT"))
                .as("the wizard lists them under its confirmation")
                .containsExactly(nobody + " (the launch is refused)");

        ResponseEntity<Map> launched = as(mona.getUsername()).postForEntity("/api/handovers", request, Map.class);
        assertThat(launched.getStatusCode()).as("%s", launched.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) launched.getBody().get("errors")).containsEntry("plan.mode", nobody);
        assertThat(handovers.findAll()).noneMatch(h -> h.getDeparting().getId().equals(solo.getId()));
    }

    @Test
    void aManagerAskingToHandOverHerOwnBookIsToldWhoCan() {
        long maria = people.findByUsername("maria").orElseThrow().getId();
        ResponseEntity<Map> own = as("maria")
                .postForEntity(
                        "/api/handovers/plan",
                        Map.of(
                                "departingId",
                                maria,
                                "reason",
                                "LEAVING",
                                "effectiveDate",
                                LocalDate.now().plusDays(4).toString()),
                        Map.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) own.getBody().get("detail"))
                .isEqualTo("you cannot hand over your own book: ask your manager or an admin");
    }

    /**
     * The warnings the launch wizard lists for {@code personId} as {@code manager} plans it with {@code mode}
     * (and no successor chosen: the live preview, as htmx asks it), unescaped.
     */
    private List<String> wizardWarnings(String manager, long personId, String mode) {
        var signedIn = SignedIn.as(http, manager);
        HttpHeaders form = SignedIn.formOf(signedIn.getForObject("/handovers/new", String.class));
        String page = signedIn.postForObject(
                "/handovers/new/plan",
                new HttpEntity<>("departingId=" + personId + "&mode=" + mode, form),
                String.class);
        int start = page.indexOf("id=\"plan-warnings\"");
        if (start < 0) {
            return List.of();
        }
        return Pattern.compile("<li>([^<]*)</li>")
                .matcher(page.substring(start, page.indexOf("</ul>", start)))
                .results()
                .map(m -> HtmlUtils.htmlUnescape(m.group(1)))
                .toList();
    }

    private Person person(String username, String fullName, Role role, Person manager) {
        Long team = teams.findByKey("sales-emea").orElseThrow().getId();
        Long id = peopleService
                .create(new NewPerson(
                        username,
                        fullName,
                        username + "@baton.example",
                        "demo",
                        Set.of(role),
                        team,
                        manager == null ? null : manager.getId()))
                .id();
        return people.findById(id).orElseThrow();
    }
}
