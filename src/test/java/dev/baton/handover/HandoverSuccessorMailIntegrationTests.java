package dev.baton.handover;

import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_ACKNOWLEDGE;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_ANSWER_QUESTION;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_CHOOSE_SUCCESSOR;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_INTRO_CALL;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_TELL_QUESTION_UNANSWERED;
import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.account.Account;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.Commitments;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.AbsenceService;
import dev.baton.people.NewAbsence;
import dev.baton.people.Person;
import dev.baton.support.Mails;
import dev.baton.task.Task;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a handover mails its successors and its manager on the real engine, read from GreenMail: one
 * mail per successor naming their accounts instead of a "New task" mail per account and step (a probe
 * counted 31 for a 14-account book), and still a mail per step to someone covering for an absent
 * successor, who was told nothing.
 */
@SuppressWarnings("rawtypes") // TestRestTemplate answers with raw Map bodies
class HandoverSuccessorMailIntegrationTests extends HandoverBookTest {

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    @Autowired
    HandoverService service;

    @Autowired
    Handovers handovers;

    @Autowired
    Commitments commitments;

    @Autowired
    AbsenceService absences;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamundaClient camunda;

    @Autowired
    MailPreferenceService preferences;

    @Autowired
    HandoverSteps steps;

    @Test
    void theSuccessorIsToldOnceAboutAllTheirAccountsAndNotAgainByEachStep() {
        List<Account> accounts = List.of(
                book.account(),
                fixture.account(book, "Second " + book.departing().getUsername()),
                fixture.account(book, "Third " + book.departing().getUsername()));
        commitments.save(new Commitment(
                accounts.get(1),
                null,
                "Onboarding training",
                book.departing(),
                book.departing(),
                null,
                LocalDate.now().plusDays(30)));
        // customer success's promises on the same accounts stay theirs: the mail neither counts them nor
        // says they become the successor's (found by the session 40 probe: 9 counted where 2 moved)
        Person cs = fixture.colleague("Cora Customersuccess");
        for (Account a : accounts.subList(0, 2)) {
            commitments.save(new Commitment(
                    a,
                    null,
                    "Quarterly usage report",
                    book.departing(),
                    cs,
                    null,
                    LocalDate.now().plusDays(40)));
        }
        Book launched = fixture.launch(book, true, this::as);
        HandoverFixture.awaitOpenTask(tasks, book.departing(), TASK_WRITE_NOTE);
        dispatcher.dispatch();

        List<String> successorMails = subjectsTo(book.successor());
        assertThat(successorMails)
                .as("before any note is written")
                .containsExactly("You are taking over 3 accounts from "
                        + book.departing().getFullName());
        String departingName = book.departing().getFullName();
        assertThat(Mails.text(Mails.to(greenMail, book.successor().getEmail()).getFirst()))
                .contains(
                        "(leaving), effective ",
                        "- " + accounts.get(1).getName() + " (1 open commitment of " + departingName + "'s)",
                        "review and acknowledge as " + departingName + " writes its note",
                        "On each account, " + departingName
                                + "'s open commitments (counted above) and open tasks become yours",
                        "Commitments that others own on these accounts (customer success, for one) stay with them.",
                        "/tasks?playbook=account-handover")
                .doesNotContain("2 open commitments", "become yours with it", "no open commitment")
                // an account with none of the departing person's commitments is named alone
                .containsPattern("- " + Pattern.quote(accounts.get(0).getName()) + "\\R")
                .containsPattern("- " + Pattern.quote(accounts.get(2).getName()) + "\\R")
                .containsPattern("where each stands: http\\S+/commitments\\R");

        // the engine delivers the start's job again (at least once): no second mail
        service.started(
                launched.id(), handovers.findById(launched.id()).orElseThrow().getProcessInstanceKey());
        dispatcher.dispatch();
        assertThat(subjectsTo(book.successor())).hasSize(1);

        for (int i = 0; i < accounts.size(); i++) {
            complete(book.departing(), TASK_WRITE_NOTE, HandoverFixture.NOTE);
        }
        complete(book.successor(), TASK_ACKNOWLEDGE, Map.of("acknowledgement", "ask", "question", "Who signs?"));
        complete(book.departing(), TASK_ANSWER_QUESTION, Map.of("answer", "Ana, the CFO"));
        for (int i = 0; i < accounts.size(); i++) {
            complete(book.successor(), TASK_ACKNOWLEDGE, Map.of("acknowledgement", "acknowledge"));
        }
        await().atMost(WAIT).until(() -> fixture.open(launched, TASK_INTRO_CALL).size() == accounts.size());
        dispatcher.dispatch();

        assertThat(subjectsTo(book.successor()))
                .as("no \"New task\" mail for the acknowledgement and call steps")
                .noneMatch(s -> s.startsWith("New task"))
                .contains("You are taking over 3 accounts from "
                        + book.departing().getFullName())
                .anyMatch(s -> s.startsWith(book.departing().getFullName() + " answered your question about "))
                .as("the taking-over mail said the commitments come with the accounts: none of their own")
                .noneMatch(s -> s.startsWith("Commitment assigned to you"))
                .hasSize(2);
    }

    @Test
    void aCoverForAnAbsentSuccessorIsStillToldOfEachStep() {
        Person cover = fixture.colleague("Cleo Cover");
        absences.record(
                book.successor().getUsername(),
                new NewAbsence(LocalDate.now(), LocalDate.now().plusDays(30), cover.getUsername(), null));
        fixture.launch(book, true, this::as);

        complete(book.departing(), TASK_WRITE_NOTE, HandoverFixture.NOTE);
        complete(cover, TASK_ACKNOWLEDGE, Map.of("acknowledgement", "acknowledge"));
        HandoverFixture.awaitOpenTask(tasks, cover, TASK_INTRO_CALL);
        dispatcher.dispatch();

        assertThat(subjectsTo(cover))
                .containsExactly(
                        "New task: Review and acknowledge account · "
                                + book.account().getName(),
                        "New task: Hold introduction call · " + book.account().getName());
        assertThat(subjectsTo(book.successor()))
                .as("the successor is told of the account for when they are back")
                .containsExactly(
                        "You are taking over 1 account from " + book.departing().getFullName());
    }

    @Test
    void theManagerIsToldOnceOfTheAccountsToDecideAndTheChosenSuccessorOfTheirs() {
        Account second = fixture.account(book, "Second " + book.departing().getUsername());
        Book launched = fixture.launch(book, false, this::as);
        await().atMost(WAIT)
                .until(() -> fixture.open(launched, TASK_CHOOSE_SUCCESSOR).size() == 2);
        dispatcher.dispatch();

        List<String> toMaria = Mails.to(greenMail, "maria@").stream()
                .map(Mails::subject)
                .filter(s -> s.contains(book.departing().getFullName())
                        || s.contains(book.account().getName())
                        || s.contains(second.getName()))
                .toList();
        assertThat(toMaria)
                .as("one mail for both choices, no \"New task: Choose successor\" per account")
                .containsExactly("Choose successors for 2 accounts of "
                        + book.departing().getFullName());

        Long choose = fixture.open(launched, TASK_CHOOSE_SUCCESSOR).stream()
                .filter(t -> t.getAccountId().equals(second.getId()))
                .findFirst()
                .orElseThrow()
                .getId();
        assertThat(as("maria")
                        .postForEntity(
                                "/api/tasks/" + choose + "/complete",
                                Map.of("successorUsername", book.successor().getUsername()),
                                Map.class)
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from handover_item where handover_id = ? and successor_id is not null",
                                Long.class,
                                launched.id())
                        == 1);
        dispatcher.dispatch();
        assertThat(subjectsTo(book.successor()))
                .containsExactly(
                        "You are taking over 1 account from " + book.departing().getFullName());
        assertThat(Mails.text(Mails.to(greenMail, book.successor().getEmail()).getFirst()))
                .contains("1 account from", second.getName())
                // none of the departing person's commitments on it: nothing was counted above (probe 45)
                .contains(book.departing().getFullName() + "'s open commitments and open tasks become yours")
                .doesNotContain(book.account().getName(), "counted above");
    }

    /**
     * An amendment gave away an account that the previous successor's "You are taking over" mail named
     * before it went out: they were told they took over an account no longer theirs, then that it was
     * not. The waiting mail is rewritten with the accounts still theirs, and nothing else is said; once
     * a mail went out, an amendment taking its account away says so.
     */
    @Test
    void anAmendmentBeforeTheMailWentOutRewritesThePreviousSuccessorsMailAndOneAfterCorrectsIt() {
        Account second = fixture.account(book, "Second " + book.departing().getUsername());
        Person colleague = fixture.colleague("Nia Newsuccessor");
        Book launched = fixture.launch(book, true, this::as);
        HandoverFixture.awaitOpenTask(tasks, book.departing(), TASK_WRITE_NOTE);

        // the test's dispatcher has not run: the launch's mails wait, as for the seconds between two runs
        changeSuccessor(launched, second, colleague);
        dispatcher.dispatch();

        assertThat(subjectsTo(colleague))
                .containsExactly(
                        "You are taking over 1 account from " + book.departing().getFullName());
        assertThat(Mails.text(Mails.to(greenMail, colleague.getEmail()).getFirst()))
                .contains(second.getName())
                .doesNotContain(book.account().getName());
        assertThat(subjectsTo(book.successor()))
                .as("told once, of the account still theirs")
                .containsExactly(
                        "You are taking over 1 account from " + book.departing().getFullName());
        assertThat(Mails.text(Mails.to(greenMail, book.successor().getEmail()).getFirst()))
                .contains(book.account().getName())
                .doesNotContain(second.getName());

        changeSuccessor(launched, book.account(), colleague);
        dispatcher.dispatch();
        assertThat(subjectsTo(book.successor()))
                .as("the mail that went out is corrected")
                .containsExactly(
                        "You are taking over 1 account from " + book.departing().getFullName(),
                        "No longer yours: " + book.account().getName() + " goes to " + colleague.getFullName());
    }

    /**
     * The handover's own mails to a successor stand in for their steps' "New task" mails, yet went out
     * whatever the person chose: one who had switched assignment mails off was still mailed each
     * account they took over, each answer to their question and each call's reminder. Now they follow
     * the task mails' rules, and a successor who did not switch them off is still told.
     */
    @Test
    void aSuccessorWhoSwitchedAssignmentMailsOffIsNotMailedWhatTheirStepsWouldNotBe() {
        Account second = fixture.account(book, "Second " + book.departing().getUsername());
        Person colleague = fixture.colleague("Nia Newsuccessor");
        preferences.choose(
                book.successor().getId(), new MailPreferenceService.Choices(false, true, false, true, false));
        Book launched = fixture.launch(book, true, this::as);
        HandoverFixture.awaitOpenTask(tasks, book.departing(), TASK_WRITE_NOTE);
        changeSuccessor(launched, second, colleague);

        Task note = await().atMost(WAIT)
                .until(
                        () -> fixture.open(launched, TASK_WRITE_NOTE).stream()
                                .filter(t ->
                                        t.getAccountId().equals(book.account().getId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(as(book.departing().getUsername())
                        .postForEntity("/api/tasks/" + note.getId() + "/complete", HandoverFixture.NOTE, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        complete(book.successor(), TASK_ACKNOWLEDGE, Map.of("acknowledgement", "ask", "question", "Who signs?"));
        complete(book.departing(), TASK_ANSWER_QUESTION, Map.of("answer", "Ana, the CFO"));
        HandoverFixture.awaitOpenTask(tasks, book.successor(), TASK_ACKNOWLEDGE);
        // as the calls' reminder timers do (weeks away)
        Instant callDue = Instant.now().plus(Duration.ofDays(2));
        steps.remindIntroCall(itemOf(launched, book.account()), callDue);
        steps.remindIntroCall(itemOf(launched, second), callDue);
        dispatcher.dispatch();

        assertThat(subjectsTo(book.successor()))
                .as("neither the accounts they take over, nor the answer, nor the reminder")
                .isEmpty();
        assertThat(subjectsTo(colleague))
                .containsExactly(
                        "You are taking over 1 account from " + book.departing().getFullName(),
                        "Introduction call with " + second.getName() + " due soon");
    }

    /**
     * The departing person's "notes due" mail and the manager's "choose successors" mail stand in for
     * the note and choice steps' "New task" mails too, yet went out to people who had switched
     * assignment mails off. Their steps are still there to work.
     */
    @Test
    void theDepartingAndTheManagerWhoSwitchedAssignmentMailsOffAreNotMailedTheirStepsEither() {
        long maria = jdbc.queryForObject("select id from person where username = 'maria'", Long.class);
        MailPreferenceService.Choices mariasBefore = preferences.of(maria);
        MailPreferenceService.Choices noAssignments = new MailPreferenceService.Choices(false, true, true, true, false);
        preferences.choose(maria, noAssignments);
        preferences.choose(book.departing().getId(), noAssignments);
        try {
            Book launched = fixture.launch(book, false, this::as);
            // the start queues both mails in one transaction, before the choice reaches the inbox
            await().atMost(WAIT)
                    .until(() -> fixture.open(launched, TASK_CHOOSE_SUCCESSOR).size() == 1);
            dispatcher.dispatch();

            assertThat(subjectsTo(book.departing())).as("no notes-due mail").isEmpty();
            assertThat(Mails.to(greenMail, "maria@").stream().map(Mails::subject))
                    .as("no choose-successors mail")
                    .noneMatch(s -> s.contains(book.departing().getFullName()));
        } finally {
            preferences.choose(maria, mariasBefore);
        }
    }

    private long itemOf(Book launched, Account account) {
        return jdbc.queryForObject(
                "select id from handover_item where handover_id = ? and account_id = ?",
                Long.class,
                launched.id(),
                account.getId());
    }

    private void changeSuccessor(Book launched, Account account, Person to) {
        ResponseEntity<Map> changed = as("maria")
                .exchange(
                        "/api/handovers/" + launched.id() + "/accounts/" + account.getId() + "/successor",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("successorId", to.getId())),
                        Map.class);
        assertThat(changed.getStatusCode()).as("%s", changed.getBody()).isEqualTo(HttpStatus.OK);
    }

    /**
     * The departing person's "gone" timer returned the acknowledgement to the successor with no word
     * (the step sends no "New task" mail of its own): they found the account back, the question unanswered.
     */
    @Test
    void theSuccessorIsToldOnceWhyTheAccountCameBackUnanswered() {
        Book launched = fixture.launch(book, true, this::as);
        complete(book.departing(), TASK_WRITE_NOTE, HandoverFixture.NOTE);
        complete(book.successor(), TASK_ACKNOWLEDGE, Map.of("acknowledgement", "ask", "question", "Who signs?"));
        Task answer = HandoverFixture.awaitOpenTask(tasks, book.departing(), TASK_ANSWER_QUESTION);

        // as the "departing person gone" timer does (the engine's clock is shared by the other tests)
        camunda.newModifyProcessInstanceCommand(answer.getProcessInstanceKey())
                .activateElement(TASK_TELL_QUESTION_UNANSWERED)
                .and()
                .terminateElement(answer.getElementInstanceKey())
                .send()
                .join();

        Task back = HandoverFixture.awaitOpenTask(tasks, book.successor(), TASK_ACKNOWLEDGE);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from outbox_message where dedup_key like 'handover-question-unanswered:%'"
                                        + " and to_address = ?",
                                Long.class, book.successor().getEmail())
                        == 1);
        dispatcher.dispatch();

        assertThat(subjectsTo(book.successor()))
                .containsExactly(
                        "You are taking over 1 account from " + book.departing().getFullName(),
                        "Unanswered: your question about " + book.account().getName());
        assertThat(Mails.text(Mails.to(greenMail, book.successor().getEmail()).get(1)))
                .contains(
                        book.departing().getFullName() + " has left",
                        "Your question: Who signs?",
                        "/tasks?playbook=account-handover&accountId="
                                + book.account().getId());
        assertThat(jdbc.queryForObject(
                        "select step from handover_item where handover_id = ?", String.class, launched.id()))
                .isEqualTo("ACKNOWLEDGING");
        assertThat(back.getAccountId()).isEqualTo(book.account().getId());
    }

    private void complete(Person who, String elementId, Map<String, Object> values) {
        HandoverFixture.complete(tasks, as(who.getUsername()), who, elementId, values);
    }

    private List<String> subjectsTo(Person who) {
        return Mails.to(greenMail, who.getEmail()).stream().map(Mails::subject).toList();
    }
}
