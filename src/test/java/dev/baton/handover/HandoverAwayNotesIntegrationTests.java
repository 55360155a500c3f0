package dev.baton.handover;

import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_ACKNOWLEDGE;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_ANSWER_QUESTION;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_TELL_QUESTION_UNANSWERED;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.account.Account;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.AbsenceService;
import dev.baton.people.AbsenceView;
import dev.baton.people.NewAbsence;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.shared.Dates;
import dev.baton.support.Mails;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.Tasks;
import io.camunda.client.CamundaClient;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * A departing rep who is away when the handover starts (session 46's probe, F2): her cover, who was also
 * the accounts' successor, was given every "Write handover note" step and wrote the notes to himself; she
 * was mailed "write a handover note for each of your 14 accounts by the end of today"; the notes page told
 * her a note was "Held by rob now (the effective date has passed)"; and rob, who held them, got a 403 there.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class HandoverAwayNotesIntegrationTests extends HandoverBookTest {

    @Autowired
    AbsenceService absences;

    @Autowired
    PeopleLookup people;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    /** The account whose successor is the cover (book.account()), and one going to someone else. */
    Account toOther;

    /** Who takes {@link #toOther}. */
    Person other;

    LocalDate back;

    /** Her absence, from today. */
    AbsenceView away;

    @Autowired
    Tasks tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamundaClient camunda;

    @BeforeEach
    void theDepartingRepIsAwayCoveredByTheSuccessor() {
        toOther = fixture.account(book, "Other " + book.departing().getUsername());
        other = fixture.colleague("Olli Other");
        back = LocalDate.now().plusDays(5);
        away = absences.record(
                book.departing().getUsername(),
                new NewAbsence(LocalDate.now(), back, book.successor().getUsername(), null));
    }

    @Test
    void theCoverWritesNoNoteOfAnAccountHeTakesOverTheManagerDoes() {
        long id = launch();

        Task mine = noteOf(id, book.account());
        Task others = noteOf(id, toOther);

        assertThat(mine.getAssignee())
                .as("the successor does not write his own account's note: the manager who launched it does")
                .isEqualTo("maria");
        assertThat(mine.getOriginalAssignee()).isEqualTo(book.departing().getUsername());
        assertThat(others.getAssignee())
                .as("the cover writes the note of an account going to someone else")
                .isEqualTo(book.successor().getUsername());
    }

    @Test
    void theManagerIsWarnedBeforeLaunchingWhoHoldsTheNotes() {
        ResponseEntity<Map> preview = as("maria").postForEntity("/api/handovers/plan", request(), Map.class);

        assertThat(preview.getStatusCode()).as("%s", preview.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<String>) preview.getBody().get("warnings"))
                .contains(book.departing().getFullName() + " is away until " + Dates.calendarDay(back)
                        + ", so the handover notes are not theirs to write: "
                        + book.successor().getFullName()
                        + ", who covers for " + book.departing().getFullName() + ", writes the note of 1 account;"
                        + " you write the note of the 1 account "
                        + book.successor().getFullName()
                        + " takes over (nobody writes an account's handover note for himself).");
    }

    @Test
    void theAwayRepIsToldWhoHoldsHerNotesNotAskedToWriteThem() {
        long id = launch();
        noteOf(id, toOther);
        dispatcher.dispatch();

        List<MimeMessage> mails = Mails.to(greenMail, book.departing().getEmail());
        assertThat(mails.stream().map(Mails::subject)).containsExactly("Your 2 handover notes while you are away");
        String text = Mails.text(mails.getFirst()).replaceAll("\\s+", " ");
        assertThat(text)
                .contains("You are away until "
                        + DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)
                                .format(back)
                        + ", so nothing is asked of you: " + book.successor().getFullName()
                        + ", who covers for you, writes the note of 1 account; "
                        + people.fullName("maria") + ", your manager, writes the note of the 1 account "
                        + book.successor().getFullName() + " takes over")
                .doesNotContain("Please write");
    }

    @Test
    void theNotesPageSaysWhyEachNoteIsHeldAndItsHolderOpensTheNotesHeHolds() {
        long id = launch();
        Task others = noteOf(id, toOther);
        noteOf(id, book.account());
        String cover = book.successor().getFullName();

        String hers = HtmlUtils.htmlUnescape(SignedIn.as(http, book.departing().getUsername())
                .getForObject("/handovers/" + id + "/notes", String.class));
        assertThat(hers)
                .contains(cover + " covers for you while you are away (until " + Dates.calendarDay(back)
                        + ") and writes this note.")
                .contains(people.fullName("maria") + ", your manager, writes this note while you are away: " + cover
                        + ", who covers for you, takes this account over, and nobody writes an account's"
                        + " handover note for himself.")
                .doesNotContain("the effective date has passed");

        ResponseEntity<String> his = SignedIn.as(http, book.successor().getUsername())
                .getForEntity("/handovers/" + id + "/notes", String.class);
        assertThat(his.getStatusCode()).as("the cover holds a note of it").isEqualTo(HttpStatus.OK);
        assertThat(HtmlUtils.htmlUnescape(his.getBody()))
                .contains(toOther.getName())
                .contains("href=\"/tasks/" + others.getId() + "\"")
                .contains("You cover for " + book.departing().getFullName())
                .as("not the note he does not hold: the handover is not his to see")
                .doesNotContain(book.account().getName());

        ResponseEntity<Map> api =
                as(book.successor().getUsername()).getForEntity("/api/handovers/" + id + "/notes", Map.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map>) api.getBody().get("notes"))
                .extracting(n -> n.get("accountName"))
                .containsExactly(toOther.getName());

        assertThat(as(other.getUsername())
                        .getForEntity("/api/handovers/" + id + "/notes", Map.class)
                        .getStatusCode())
                .as("someone who holds none of its notes")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * Session 46's second probe: down a cover chain (her own cover away too, his cover the successor) the steps
     * went to the right people, but the preview gave no warning, she was asked to write every note, and the notes
     * page said each note "was moved": the rule looked for her absence whose cover was the chain's holder.
     */
    @Test
    void downACoverChainSheIsToldTheTruthAndThePreviewWarns() {
        Person first = fixture.colleague("Fay First-Cover");
        absences.changeCover(away.id(), first.getUsername(), book.departing().getUsername());
        absences.record(
                first.getUsername(),
                new NewAbsence(LocalDate.now(), back, book.successor().getUsername(), null));

        ResponseEntity<Map> preview = as("maria").postForEntity("/api/handovers/plan", request(), Map.class);
        long id = launch();
        Task mine = noteOf(id, book.account());
        noteOf(id, toOther);
        dispatcher.dispatch();

        assertThat((List<String>) preview.getBody().get("warnings"))
                .anyMatch(w -> w.startsWith(book.departing().getFullName() + " is away until"));
        assertThat(mine.getAssignee()).isEqualTo("maria");
        assertThat(Mails.to(greenMail, book.departing().getEmail()).stream().map(Mails::subject))
                .containsExactly("Your 2 handover notes while you are away");
        Map note = ((List<Map>) as("maria")
                        .getForEntity("/api/handovers/" + id + "/notes", Map.class)
                        .getBody()
                        .get("notes"))
                .stream()
                        .filter(n -> book.account().getName().equals(n.get("accountName")))
                        .findFirst()
                        .orElseThrow();
        assertThat(note.get("heldBecause").toString())
                .startsWith("You, " + book.departing().getFullName() + "'s manager, write this note while")
                .contains(book.successor().getFullName() + ", who covers for "
                        + book.departing().getFullName());
    }

    /**
     * The successor's question to the departing person, while she is away and he covers for her, went to him:
     * he answered his own question. The manager answers it, as she writes the note, and everyone is told so.
     */
    @Test
    void theCoverDoesNotAnswerHisOwnQuestionTheManagerDoes() {
        long id = launch();
        Person maria = people.byUsername("maria").orElseThrow();
        Task answer = questionAsked(id);
        assertThat(answer.getAssignee())
                .as("the successor, her cover, does not answer his own question: the manager does")
                .isEqualTo("maria");
        assertThat(answer.getOriginalAssignee()).isEqualTo(book.departing().getUsername());

        String page = HtmlUtils.htmlUnescape(
                SignedIn.as(http, "maria").getForObject("/tasks/" + answer.getId(), String.class));
        String departing = book.departing().getFullName();
        assertThat(page)
                .contains(departing + " is away (until " + Dates.calendarDay(back) + "), and "
                        + book.successor().getFullName() + ", who asked this question, covers for " + departing + ": "
                        + maria.getFullName() + ", " + departing + "'s manager, answers it in " + departing
                        + "'s place (nobody answers their own question).");

        dispatcher.dispatch();
        String told = Mails.to(greenMail, maria.getEmail()).stream()
                .filter(m -> Mails.subject(m).startsWith("New task: Answer successor question"))
                .map(m -> Mails.text(m).replaceAll("\\s+", " "))
                .findFirst()
                .orElseThrow();
        assertThat(told)
                .contains("It was for " + departing + "; they are away, and "
                        + book.successor().getFullName()
                        + ", who covers for them, may not hold this step, so it is yours.")
                .doesNotContain("you cover while they are away");

        completeAs("maria", answer, Map.of("answer", "Ana, the CFO"));
        stepOf(id, TASK_ACKNOWLEDGE);
        dispatcher.dispatch();
        MimeMessage answered = Mails.to(greenMail, book.successor().getEmail()).stream()
                .filter(m -> Mails.subject(m).contains("answered your question"))
                .findFirst()
                .orElseThrow();
        assertThat(Mails.subject(answered))
                .isEqualTo(maria.getFullName() + " answered your question about "
                        + book.account().getName());
        assertThat(Mails.text(answered).replaceAll("\\s+", " "))
                .contains(maria.getFullName() + " answered your question about "
                        + book.account().getName() + " in place of " + departing + ".");
    }

    /**
     * "Move my open tasks to my cover" gave the successor, her cover, the note of the account he takes over:
     * the note goes to the manager, as a new note step would, and the page says where each went.
     */
    @Test
    void movingHerTasksToTheCoverSendsHisOwnAccountsNoteToTheManager() {
        absences.withdraw(away.id(), book.departing().getUsername());
        long id = launch();
        Task mine = noteOf(id, book.account());
        Task others = noteOf(id, toOther);
        assertThat(mine.getAssignee())
                .as("not away yet")
                .isEqualTo(book.departing().getUsername());
        absences.record(
                book.departing().getUsername(),
                new NewAbsence(
                        LocalDate.now().plusDays(1), back, book.successor().getUsername(), null));

        ResponseEntity<List> moved =
                as(book.departing().getUsername()).postForEntity("/api/tasks/to-cover", null, List.class);

        assertThat(moved.getStatusCode()).as("%s", moved.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map>) moved.getBody())
                .as("the answer names where each step went")
                .extracting(t -> ((Number) t.get("id")).longValue(), t -> t.get("assignee"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(mine.getId(), "maria"),
                        org.assertj.core.groups.Tuple.tuple(
                                others.getId(), book.successor().getUsername()));
        assertThat(tasks.findById(mine.getId()).orElseThrow().getAssignee())
                .as("the successor does not write his own account's note")
                .isEqualTo("maria");
    }

    /** Session 47: the absence page's answer when the steps went to two people says who got how many, and why. */
    @Test
    void theAbsencePageSaysWhereEachOfHerTasksWentWhenTheManagerGotOne() {
        absences.withdraw(away.id(), book.departing().getUsername());
        long id = launch();
        Task mine = noteOf(id, book.account());
        noteOf(id, toOther);
        absences.record(
                book.departing().getUsername(),
                new NewAbsence(
                        LocalDate.now().plusDays(1), back, book.successor().getUsername(), null));

        String shown =
                SignedIn.submit(SignedIn.as(http, book.departing().getUsername()), "/absences", "/tasks/to-cover", "");

        assertThat(shown)
                .contains("2 open task(s) moved: ")
                .contains("1 to " + book.successor().getFullName(), "1 to " + people.fullName("maria"))
                .contains(". A step the person covering for you may not hold goes to whom its playbook names"
                        + " instead (a handover note or question of an account they take over: the manager who"
                        + " launched the handover).");
        assertThat(tasks.findById(mine.getId()).orElseThrow().getAssignee()).isEqualTo("maria");
    }

    /**
     * Session 46's second probe (F2): an amend that made the cover, who held an account's note, its successor left
     * him writing the note of the account he now takes over; the rule was applied only when a step arrived. The
     * note goes to the manager, as a new note step would, audited and mailed; the amend back returns it.
     */
    @Test
    void anAmendMakingTheCoverTheSuccessorGivesHisNoteToTheManagerAndBackAgain() {
        long id = launch();
        Task others = noteOf(id, toOther);
        noteOf(id, book.account());
        Person cover = book.successor();
        Person maria = people.byUsername("maria").orElseThrow();
        assertThat(others.getAssignee()).isEqualTo(cover.getUsername());
        dispatcher.dispatch(); // his "New task" for it went out (one still waiting would just be withdrawn)

        assertThat(amend(id, toOther, cover).getStatusCode()).isEqualTo(HttpStatus.OK);

        Task moved = tasks.findById(others.getId()).orElseThrow();
        assertThat(moved.getAssignee())
                .as("the cover now takes the account over: he does not write its note, the manager does")
                .isEqualTo("maria");
        assertThat(moved.getOriginalAssignee()).isEqualTo(book.departing().getUsername());
        assertThat(noteAs("maria", id, toOther).get("heldBecause").toString())
                .startsWith("You, " + book.departing().getFullName() + "'s manager, write this note while");
        dispatcher.dispatch();
        assertThat(Mails.to(greenMail, maria.getEmail()).stream()
                        .filter(m -> Mails.subject(m).startsWith("New task: Write handover note")
                                && Mails.subject(m).endsWith(toOther.getName()))
                        .map(m -> Mails.text(m).replaceAll("\\s+", " ")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("It was for " + book.departing().getFullName() + "; they are away, and " + cover.getFullName()
                        + ", who covers for them, may not hold this step, so it is yours.");
        assertThat(Mails.to(greenMail, cover.getEmail()).stream().map(Mails::subject))
                .contains("Task moved to " + maria.getFullName() + ": Write handover note");

        assertThat(amend(id, toOther, cover).getStatusCode())
                .as("the same amend again is refused")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where entity_type = 'task' and entity_id = ?"
                                + " and action = 'task.reassigned'",
                        Long.class,
                        others.getId()))
                .as("moved once")
                .isEqualTo(1);

        assertThat(amend(id, toOther, other).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.findById(others.getId()).orElseThrow().getAssignee())
                .as("the cover no longer takes it over: the note is his to write again")
                .isEqualTo(cover.getUsername());
        assertThat(noteAs(cover.getUsername(), id, toOther).get("heldBecause").toString())
                .startsWith("You cover for " + book.departing().getFullName());
    }

    /**
     * The successor's question went unanswered while the manager held it in the away rep's place: the mail said
     * the rep "has left without answering", though the question was never hers to answer.
     */
    @Test
    void theUnansweredMailNamesTheManagerWhoHeldTheQuestion() {
        long id = launch();
        Person maria = people.byUsername("maria").orElseThrow();
        Task answer = questionAsked(id);
        assertThat(answer.getAssignee()).isEqualTo("maria");

        // as the "departing person gone" timer does (the engine's clock is shared by the other tests)
        camunda.newModifyProcessInstanceCommand(answer.getProcessInstanceKey())
                .activateElement(TASK_TELL_QUESTION_UNANSWERED)
                .and()
                .terminateElement(answer.getElementInstanceKey())
                .send()
                .join();
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from outbox_message where dedup_key like 'handover-question-unanswered:%'"
                                        + " and to_address = ?",
                                Long.class, book.successor().getEmail())
                        == 1);
        dispatcher.dispatch();

        String departing = book.departing().getFullName();
        assertThat(Mails.to(greenMail, book.successor().getEmail()).stream()
                        .filter(m -> Mails.subject(m).startsWith("Unanswered:"))
                        .map(m -> Mails.text(m).replaceAll("\\s+", " ")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(maria.getFullName() + ", who was to answer your question about "
                        + book.account().getName() + " in place of " + departing + ", did not answer it by "
                        + departing + "'s last day")
                .doesNotContain("without answering");
    }

    /**
     * Reprobe 47 (N2): the notes page showed the cover and the manager the notes they hold, with forms, and refused
     * each save ("only rob drafts these notes"); the page's send saves the draft first, so it failed too. Whoever
     * holds a note's open step drafts it; nobody drafts a note held by someone else.
     */
    @Test
    void whoeverHoldsANoteStepDraftsItButNoNoteHeldBySomeoneElse() {
        long id = launch();
        noteOf(id, book.account());
        noteOf(id, toOther);
        String cover = book.successor().getUsername();

        ResponseEntity<Map> byCover = draft(cover, id, toOther);
        assertThat(byCover.getStatusCode()).as("%s", byCover.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) noteAs(cover, id, toOther).get("values"))
                .containsEntry("relationshipSummary", "by " + cover);
        ResponseEntity<Map> byManager = draft("maria", id, book.account());
        assertThat(byManager.getStatusCode()).as("%s", byManager.getBody()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> notHis = draft(cover, id, book.account());
        assertThat(notHis.getStatusCode())
                .as("the note of the account he takes over is the manager's to write")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notHis.getBody().get("detail").toString())
                .contains("whoever holds the note's step drafts the note for "
                        + book.account().getName());
    }

    private ResponseEntity<Map> draft(String who, long id, Account account) {
        return as(who).exchange(
                        "/api/handovers/" + id + "/notes/" + account.getId() + "/draft",
                        org.springframework.http.HttpMethod.PUT,
                        new org.springframework.http.HttpEntity<>(Map.of("relationshipSummary", "by " + who)),
                        Map.class);
    }

    /**
     * The manager writes the note of the account the cover takes over, the cover acknowledges it with a question,
     * and its "Answer successor question" step is there.
     */
    private Task questionAsked(long id) {
        completeAs("maria", noteOf(id, book.account()), HandoverFixture.NOTE);
        completeAs(
                book.successor().getUsername(),
                stepOf(id, TASK_ACKNOWLEDGE),
                Map.of("acknowledgement", "ask", "question", "Who signs?"));
        return stepOf(id, TASK_ANSWER_QUESTION);
    }

    private ResponseEntity<Map> amend(long id, Account account, Person to) {
        return as("maria")
                .exchange(
                        "/api/handovers/" + id + "/accounts/" + account.getId() + "/successor",
                        org.springframework.http.HttpMethod.PUT,
                        new org.springframework.http.HttpEntity<>(Map.of("successorId", to.getId())),
                        Map.class);
    }

    /** The notes page's entry for {@code account}, as {@code who} reads it through the API. */
    private Map noteAs(String who, long id, Account account) {
        return ((List<Map>) as(who).getForEntity("/api/handovers/" + id + "/notes", Map.class)
                        .getBody()
                        .get("notes"))
                .stream()
                        .filter(n -> account.getName().equals(n.get("accountName")))
                        .findFirst()
                        .orElseThrow();
    }

    private long launch() {
        ResponseEntity<Map> launched = as("maria").postForEntity("/api/handovers", request(), Map.class);
        assertThat(launched.getStatusCode())
                .as("launch: %s", launched.getBody())
                .isEqualTo(HttpStatus.CREATED);
        return ((Number) ((Map) launched.getBody().get("handover")).get("id")).longValue();
    }

    private Map<String, Object> request() {
        return HandoverFixture.launchRequest(
                book,
                "LEAVING",
                Map.of(
                        "mode",
                        "PER_ACCOUNT",
                        "perAccount",
                        Map.of(
                                String.valueOf(book.account().getId()),
                                book.successor().getId(),
                                String.valueOf(toOther.getId()),
                                other.getId())));
    }

    /** The handover's one open step at {@code elementId} (for book.account()), once it is there. */
    private Task stepOf(long handoverId, String elementId) {
        HandoverFixture.Book launched = new HandoverFixture.Book(book.departing(), book.successor(), null, handoverId);
        return await().atMost(WAIT)
                .until(
                        () -> fixture.open(launched, elementId).stream()
                                .filter(t -> book.account().getId().equals(t.getAccountId()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    private void completeAs(String who, Task task, Map<String, Object> values) {
        ResponseEntity<Map> done = as(who).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class);
        assertThat(done.getStatusCode())
                .as("%s completes %s: %s", who, task.getName(), done.getBody())
                .isEqualTo(HttpStatus.OK);
    }

    /** The handover's open note step for the account, once it is there. */
    private Task noteOf(long handoverId, Account account) {
        HandoverFixture.Book launched = new HandoverFixture.Book(book.departing(), book.successor(), null, handoverId);
        return await().atMost(WAIT)
                .until(
                        () -> fixture.open(launched, TASK_WRITE_NOTE).stream()
                                .filter(t -> account.getId().equals(t.getAccountId()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }
}
