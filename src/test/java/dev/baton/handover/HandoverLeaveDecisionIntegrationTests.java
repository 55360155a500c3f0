package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.Commitments;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Decide ownership after leave" answered "return" gives the cover's accounts back to the person who
 * was away, and the settle step that does it asks nobody: so the answer is refused, the task still
 * open and nothing moved, unless whoever answers may move those accounts through the API
 * (AccountAccess.requireMayTransfer behind the endpoint's managers-and-admins gate), and unless the
 * person coming back is still active. Found by a hostile probe: the step could be delegated to anyone,
 * who could then move accounts outside their line.
 */
@SuppressWarnings("rawtypes") // TestRestTemplate answers with raw Map bodies
class HandoverLeaveDecisionIntegrationTests extends EngineIntegrationTest {

    static final String FIELD = "ownershipAfterLeave";

    @Autowired
    ApplicationContext context;

    @Autowired
    Accounts accounts;

    @Autowired
    Handovers handovers;

    @Autowired
    People people;

    @Autowired
    Commitments commitments;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Also: the cover, told of the book by their one "taking over" mail, gets no mail per commitment as
     * it moves to them; the person coming back had no such mail, so the commitment they get back is mailed.
     */
    @Test
    void onlySomeoneWhoMayMoveTheCoversAccountsGivesTheBookBackAfterALeave() {
        HandoverFixture fixture = new HandoverFixture(context);
        HandoverFixture.Book book = fixture.book();
        long promise = commitments
                .save(new Commitment(
                        book.account(),
                        null,
                        "Quarterly review",
                        people.findByUsername("maria").orElseThrow(),
                        book.departing(),
                        null,
                        LocalDate.now().plusDays(20)))
                .getId();
        HandoverFixture.Book launched = leaveCoveredUntilItsEnd(fixture, book);
        Person away = launched.departing();
        Person cover = launched.successor();
        await().atMost(WAIT).until(() -> ownerOfCommitment(promise) == cover.getId());
        assertThat(assignedMails(promise, cover))
                .as("the cover's taking-over mail told them")
                .isZero();
        Task decide = fixture.skipToTheEndOfTheLeave(launched, records());

        // marcus manages sales-na: the cover is not in his line
        delegate("maria", decide, "marcus");
        ResponseEntity<Map> outsider = answer("marcus", decide, "return");
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) errors(outsider).get(FIELD))
                .contains(cover.getFullName() + " is not in Marcus Brown's line")
                .endsWith("let the successors keep the accounts, or ask someone who may");
        assertUnsettled(launched, decide);

        // the cover, a rep, may not move accounts through the API at all
        delegate("marcus", decide, cover.getUsername());
        ResponseEntity<Map> rep = answer(cover.getUsername(), decide, "return");
        assertThat(rep.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) errors(rep).get(FIELD))
                .startsWith(cover.getFullName()
                        + " may not give the accounts back: only managers and admins move accounts");
        assertUnsettled(launched, decide);

        // maria, whose line both are in, may
        delegate(cover.getUsername(), decide, "maria");
        assertThat(answer("maria", decide, "return").getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(WAIT).until(() -> ownerOf(launched.account()).equals(away.getId()));
        assertThat(handovers.findById(launched.id()).orElseThrow().getLeaveOutcome())
                .isEqualTo(Handover.LeaveOutcome.RETURNED);
        assertThat(ownerOfCommitment(promise)).isEqualTo(away.getId());
        assertThat(assignedMails(promise, away))
                .as("the commitment given back is mailed")
                .isEqualTo(1);
    }

    private long ownerOfCommitment(long id) {
        return jdbc.queryForObject("select owner_id from commitment where id = ?", Long.class, id);
    }

    /** The "Commitment assigned to you" mails about the commitment queued for {@code to}. */
    private long assignedMails(long commitmentId, Person to) {
        return jdbc.queryForObject(
                "select count(*) from outbox_message where dedup_key like 'commitment-assigned:' || ? || ':%'"
                        + " and to_address = ?",
                Long.class, commitmentId, to.getEmail());
    }

    @Test
    void theBookDoesNotGoBackToSomeoneDeactivatedDuringTheLeaveButMayStayWithTheCover() {
        HandoverFixture fixture = new HandoverFixture(context);
        HandoverFixture.Book launched = leaveCoveredUntilItsEnd(fixture);
        Person away = people.findById(launched.departing().getId()).orElseThrow();
        away.deactivate();
        people.save(away);
        Task decide = fixture.skipToTheEndOfTheLeave(launched, records());

        ResponseEntity<Map> refused = answer("maria", decide, "return");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) errors(refused).get(FIELD)).contains(away.getFullName() + " is inactive");
        assertUnsettled(launched, decide);

        assertThat(answer("maria", decide, "keep").getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(WAIT)
                .until(() -> handovers.findById(launched.id()).orElseThrow().getLeaveOutcome()
                        == Handover.LeaveOutcome.KEPT);
        assertThat(ownerOf(launched.account())).isEqualTo(launched.successor().getId());
    }

    /** maria hands a rep's book to a cover for a month's leave; the note is written, so the account moves. */
    private HandoverFixture.Book leaveCoveredUntilItsEnd(HandoverFixture fixture) {
        return leaveCoveredUntilItsEnd(fixture, fixture.book());
    }

    private HandoverFixture.Book leaveCoveredUntilItsEnd(HandoverFixture fixture, HandoverFixture.Book book) {
        HandoverFixture.Book launched =
                fixture.launchLeave(book, LocalDate.now().plusDays(30), this::as);
        HandoverFixture.complete(
                tasks,
                as(launched.departing().getUsername()),
                launched.departing(),
                "task_write_handover_note",
                HandoverFixture.NOTE);
        await().atMost(WAIT)
                .until(() ->
                        ownerOf(launched.account()).equals(launched.successor().getId()));
        return launched;
    }

    /** Refused: the step is still open, the leave unsettled, the account still the cover's. */
    private void assertUnsettled(HandoverFixture.Book launched, Task decide) {
        assertThat(tasks.findById(decide.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(handovers.findById(launched.id()).orElseThrow().getLeaveOutcome())
                .isNull();
        assertThat(ownerOf(launched.account())).isEqualTo(launched.successor().getId());
    }

    private void delegate(String from, Task task, String to) {
        ResponseEntity<Map> delegated =
                as(from).postForEntity("/api/tasks/" + task.getId() + "/delegate", Map.of("to", to), Map.class);
        assertThat(delegated.getStatusCode())
                .as("%s delegates to %s: %s", from, to, delegated.getBody())
                .isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<Map> answer(String who, Task task, String ownership) {
        return as(who).postForEntity("/api/tasks/" + task.getId() + "/complete", Map.of(FIELD, ownership), Map.class);
    }

    private Long ownerOf(Account account) {
        return accounts.findById(account.getId()).orElseThrow().getOwner().getId();
    }
}
