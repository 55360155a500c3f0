package dev.baton.commitment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.Commitments;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.handover.HandoverFixture;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.people.Person;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who a commitment's maker hands over to once they can no longer speak for it: its Renegotiate step and
 * its "rejected" and "delivered" mails go to whoever holds the relationship now, never to a deactivated
 * maker and never back to the owner who said no.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class CommitmentRelationshipIntegrationTests extends EngineIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Commitments commitments;

    @Autowired
    OutboxDispatcher dispatcher;

    HandoverFixture handovers;

    @BeforeEach
    void fixture() {
        handovers = new HandoverFixture(context);
    }

    /**
     * Found by a probe (F3): after the account moved to its successor, customer success delivered a promise
     * the departing rep had made, and "Please verify it with the customer" went to him; the successor heard
     * nothing, and the verification was customer success's own step. After a change of role he is still here,
     * but the account, and so the promise, is the successor's to speak for.
     */
    @Test
    void aPromiseWhoseAccountWasHandedOverIsTheSuccessorsToRenegotiateAndToHearDelivered() {
        HandoverFixture.Book book = handovers.book();
        Person rep = book.departing();
        long accountId = book.account().getId();
        long delivered = promise(rep.getUsername(), accountId, "Quarterly usage report", "colin");
        long rejected = promise(rep.getUsername(), accountId, "Onsite workshop", "colin");
        awaitOpenTask(rejected, CommitmentBpmn.TASK_ACCEPT);
        assertThat(as("colin")
                        .postForEntity("/api/commitments/" + delivered + "/accept", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        handOverTheWholeBook(handovers.launch(book, "ROLE_CHANGE", this::as));

        assertThat(call("colin", rejected, "reject", Map.of("reason", "not this quarter")))
                .isEqualTo(HttpStatus.OK);
        Task renegotiate = awaitOpenTask(rejected, CommitmentBpmn.TASK_RENEGOTIATE);
        assertThat(renegotiate.getAssignee()).isEqualTo(book.successor().getUsername());
        assertThat(call("colin", delivered, "deliver", Map.of("evidence", "https://docs/usage")))
                .isEqualTo(HttpStatus.OK);

        assertThat(mailsTo(rep, delivered)).isEmpty();
        assertThat(mailsTo(rep, rejected)).isEmpty();
        assertThat(mailsTo(book.successor(), delivered))
                .singleElement()
                .asString()
                .contains("marked a commitment " + rep.getFullName() + " made delivered.")
                .contains("will check with the customer that it was delivered as promised")
                .doesNotContain("Please verify");
        assertThat(mailsTo(book.successor(), rejected))
                .singleElement()
                .asString()
                .contains("rejected a commitment " + rep.getFullName() + " made, who can no longer follow it up");
    }

    /**
     * Found by a probe (F17): the departing rep was deactivated, and colin rejected a promise the rep had
     * made: the deactivated rep was mailed to renegotiate it, and the Renegotiate step went to colin, who had
     * just said no. Both now go to the account's owner.
     */
    @Test
    void aDeactivatedMakersRejectedPromiseGoesToTheAccountsOwnerNotToTheOwnerWhoRejectedIt() {
        Person maker = handovers.colleague("Max Maker");
        long accountId = accountOf(maker.getUsername(), "De Vries " + UUID.randomUUID());
        long id = promise(maker.getUsername(), accountId, "Price hold for the renewal", "colin");
        awaitOpenTask(id, CommitmentBpmn.TASK_ACCEPT);
        long version = ((Number) as("maria")
                        .getForObject("/api/accounts/" + accountId, Map.class)
                        .get("version"))
                .longValue();
        assertThat(as("maria")
                        .exchange(
                                "/api/accounts/" + accountId + "/owner",
                                HttpMethod.PUT,
                                new HttpEntity<>(Map.of("ownerId", personId("rita"), "version", version)),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("ada")
                        .postForEntity("/api/people/" + maker.getId() + "/deactivate", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(call("colin", id, "reject", Map.of("reason", "not this quarter")))
                .isEqualTo(HttpStatus.OK);

        assertThat(awaitOpenTask(id, CommitmentBpmn.TASK_RENEGOTIATE).getAssignee())
                .isEqualTo("rita");
        assertThat(mailsTo(maker, id)).as("he was deactivated").isEmpty();
        Person rita = context.getBean(dev.baton.people.People.class)
                .findByUsername("rita")
                .orElseThrow();
        assertThat(mailsTo(rita, id))
                .singleElement()
                .asString()
                .contains("rejected a commitment " + maker.getFullName() + " made, who can no longer follow it up");
    }

    /**
     * Found by the session 41 review: the Renegotiate step of a deactivated maker's promise went to the
     * account's owner, and stayed with her after the account moved on outside a handover (an owner change
     * through the API); the handover moves such a step, the plain change did not. It moves the waiting step
     * to the new owner, who speaks for the promise now.
     */
    @Test
    void aWaitingRenegotiationFollowsTheAccountToItsNewOwnerOutsideAHandover() {
        Person maker = handovers.colleague("Mo Maker");
        Person next = handovers.colleague("Nia Next");
        long accountId = accountOf(maker.getUsername(), "Dijkstra " + UUID.randomUUID());
        long id = promise(maker.getUsername(), accountId, "Loyalty discount", "colin");
        awaitOpenTask(id, CommitmentBpmn.TASK_ACCEPT);
        assertThat(transfer(accountId, personId("rita"))).isEqualTo(HttpStatus.OK);
        assertThat(as("ada")
                        .postForEntity("/api/people/" + maker.getId() + "/deactivate", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(call("colin", id, "reject", Map.of("reason", "not this quarter")))
                .isEqualTo(HttpStatus.OK);
        Task renegotiate = awaitOpenTask(id, CommitmentBpmn.TASK_RENEGOTIATE);
        assertThat(renegotiate.getAssignee()).isEqualTo("rita");

        assertThat(transfer(accountId, next.getId())).isEqualTo(HttpStatus.OK);

        await().atMost(WAIT)
                .until(
                        () -> tasks.findById(renegotiate.getId()).orElseThrow().getAssignee(),
                        next.getUsername()::equals);
        assertThat(tasks.findAll())
                .filteredOn(t ->
                        new TaskSubject("commitment", id).equals(t.getSubject()) && t.getStatus() == TaskStatus.OPEN)
                .as("the same step, moved: no second one")
                .extracting(Task::getId)
                .containsExactly(renegotiate.getId());
        assertThat(jdbc.queryForList(
                        "select actor from audit_event where entity_type = 'task' and entity_id = ?"
                                + " and action = 'task.reassigned'",
                        String.class,
                        renegotiate.getId()))
                .as("the move is the owner change's, by maria who made it, not Baton's (session 46)")
                .containsExactly("maria");
    }

    /**
     * Found by session 41's probe (F5): a maker who owned the account kept the Renegotiate step of a rejected
     * promise when the account moved to a new owner by a plain transfer (rightly: still with the company and not
     * handed over, he speaks for the promise he made), and nothing told the new owner who did. The account's and
     * the commitment's pages now name who renegotiates it.
     */
    @Test
    void aNewOwnerReadsOnTheAccountAndCommitmentPagesWhoStillRenegotiatesARejectedPromise() {
        Person maker = handovers.colleague("Mae Maker");
        Person next = handovers.colleague("Ned Next");
        long accountId = accountOf(maker.getUsername(), "Huygens " + UUID.randomUUID());
        long id = promise(maker.getUsername(), accountId, "Free onboarding week", "colin");
        awaitOpenTask(id, CommitmentBpmn.TASK_ACCEPT);
        assertThat(call("colin", id, "reject", Map.of("reason", "not this quarter")))
                .isEqualTo(HttpStatus.OK);
        Task renegotiate = awaitOpenTask(id, CommitmentBpmn.TASK_RENEGOTIATE);
        assertThat(renegotiate.getAssignee()).isEqualTo(maker.getUsername());

        assertThat(transfer(accountId, next.getId())).isEqualTo(HttpStatus.OK);

        String accountPage = SignedIn.as(http, next.getUsername()).getForObject("/accounts/" + accountId, String.class);
        String commitmentPage = SignedIn.as(http, next.getUsername()).getForObject("/commitments/" + id, String.class);
        assertThat(tasks.findById(renegotiate.getId()).orElseThrow().getAssignee())
                .as("the maker still speaks for it")
                .isEqualTo(maker.getUsername());
        assertThat(accountPage).contains(maker.getFullName() + " renegotiates it with the customer");
        assertThat(commitmentPage)
                .contains("Waiting on")
                .containsPattern(renegotiate.getName() + "</span>:\\s*<span>" + maker.getFullName() + "</span>");
    }

    /** maria gives the account to {@code ownerId} (PUT /api/accounts/{id}/owner) at its version. */
    private HttpStatus transfer(long accountId, long ownerId) {
        long version = ((Number) as("maria")
                        .getForObject("/api/accounts/" + accountId, Map.class)
                        .get("version"))
                .longValue();
        return HttpStatus.valueOf(as("maria")
                .exchange(
                        "/api/accounts/" + accountId + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("ownerId", ownerId, "version", version)),
                        Map.class)
                .getStatusCode()
                .value());
    }

    /** The departing rep writes the note; the successor acknowledges and holds the call; the handover completes. */
    private void handOverTheWholeBook(HandoverFixture.Book launched) {
        HandoverFixture.complete(
                tasks,
                as(launched.departing().getUsername()),
                launched.departing(),
                "task_write_handover_note",
                HandoverFixture.NOTE);
        HandoverFixture.complete(
                tasks,
                as(launched.successor().getUsername()),
                launched.successor(),
                "task_review_and_acknowledge_account",
                Map.of("acknowledgement", "acknowledge"));
        HandoverFixture.awaitOpenTask(tasks, launched.successor(), "task_hold_introduction_call");
        dispatcher.dispatch();
        HandoverFixture.complete(
                tasks,
                as(launched.successor().getUsername()),
                launched.successor(),
                "task_hold_introduction_call",
                Map.of("callSummary", "Friendly"));
        await().atMost(WAIT)
                .until(() -> "COMPLETED"
                        .equals(jdbc.queryForObject(
                                "select status from handover where id = ?", String.class, launched.id())));
    }

    /** A promise {@code by} records for customer success to deliver, owned by {@code owner} of that team. */
    private long promise(String by, long accountId, String description, String owner) {
        Map created = as(by).postForObject(
                        "/api/commitments",
                        Map.of(
                                "accountId",
                                accountId,
                                "description",
                                description,
                                "ownerId",
                                personId(owner),
                                "deliveringTeamId",
                                jdbc.queryForObject("select id from team where key = 'customer-success'", Long.class),
                                "dueDate",
                                LocalDate.now().plusDays(20).toString()),
                        Map.class);
        assertThat(created).as("recorded: %s", created).containsKey("id");
        return id(created);
    }

    /** POST /api/commitments/{id}/{action} as {@code by}, at the commitment's version; then waits for it to apply. */
    private HttpStatus call(String by, long id, String action, Map<String, Object> body) {
        Map<String, Object> withVersion = new java.util.HashMap<>(body);
        withVersion.put("version", commitments.findById(id).orElseThrow().getVersion());
        HttpStatus status =
                HttpStatus.valueOf(as(by).postForEntity("/api/commitments/" + id + "/" + action, withVersion, Map.class)
                        .getStatusCode()
                        .value());
        CommitmentStatus expected = "reject".equals(action) ? CommitmentStatus.REJECTED : CommitmentStatus.DELIVERED;
        if (status == HttpStatus.OK) {
            await().atMost(WAIT)
                    .until(() -> commitments.findById(id).orElseThrow().getStatus() == expected);
        }
        return status;
    }

    /** The plain text of every commitment mail about {@code id} queued to {@code person} (To). */
    private List<String> mailsTo(Person person, long id) {
        return jdbc.queryForList(
                "select text_body from outbox_message where dedup_key like 'commitment-%:' || ? || ':%'"
                        + " and to_address = ?",
                String.class, id, person.getEmail());
    }

    private Task awaitOpenTask(long commitmentId, String elementId) {
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> new TaskSubject("commitment", commitmentId).equals(t.getSubject())
                                        && t.getElementId().equals(elementId)
                                        && t.getStatus() == TaskStatus.OPEN)
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }
}
