package dev.baton.task.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.commitment.engine.CommitmentBpmn;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.handover.HandoverFixture;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers a step cannot use are refused through the API at their field while the task stays open:
 * nothing is mailed, no step is repeated (issue 16, points 1 and 2). And nobody being handed over
 * takes others' work as delegate or cover (point 4).
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class TaskAnswerRefusalIntegrationTests extends EngineIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    HandoverFixture handovers;

    @BeforeEach
    void fixture() {
        handovers = new HandoverFixture(context);
    }

    @Test
    void aQuestionWithoutTextIsRefusedAtTheQuestionAndTheCustomerIsNotMailed() {
        Book book = handovers.launch(handovers.book(), true, this::as);
        complete(
                book.departing().getUsername(),
                handovers.awaitOpen(book, "task_write_handover_note"),
                HandoverFixture.NOTE);
        Task acknowledge = handovers.awaitOpen(book, "task_review_and_acknowledge_account");

        ResponseEntity<Map> refused = complete(
                book.successor().getUsername(), acknowledge, Map.of("acknowledgement", "ask", "question", "  "));

        assertRefusedAt(refused, "question");
        assertThat(tasks.findById(acknowledge.getId()).orElseThrow().getStatus())
                .isEqualTo(TaskStatus.OPEN);
        assertThat(mailsToCustomer(book.account().getId()))
                .as("no introduction queued")
                .isZero();
    }

    @Test
    void aSuccessorTypedAsAFullNameOrTheLeaverIsRefusedAndTheSameTaskStaysOpen() throws Exception {
        Book book = handovers.launch(handovers.book(), false, this::as);
        Task choose = handovers.awaitOpen(book, "task_choose_successor");
        long mailsToMaria = jdbc.queryForObject(
                "select count(*) from outbox_message where to_address = 'maria@baton.example'", Long.class);

        for (String typed :
                new String[] {book.successor().getFullName(), book.departing().getUsername()}) {
            assertRefusedAt(complete("maria", choose, Map.of("successorUsername", typed)), "successorUsername");
        }

        engine.waitForIdleState(WAIT);
        assertThat(handovers.open(book, "task_choose_successor"))
                .extracting(Task::getId)
                .containsExactly(choose.getId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox_message where to_address = 'maria@baton.example'", Long.class))
                .isEqualTo(mailsToMaria);
        ResponseEntity<Map> chosen = complete(
                "maria", choose, Map.of("successorUsername", book.successor().getUsername()));
        assertThat(chosen.getStatusCode()).as("%s", chosen.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void reopeningAVerifiedDeliveryWithoutAReasonIsRefusedAtTheReason() {
        long account = accountOf("rob", "Reopen " + UUID.randomUUID());
        long commitment =
                promise("rob", account, "SSO guide", "rob", LocalDate.now().plusDays(20));
        complete("rob", awaitCommitmentTask(commitment, CommitmentBpmn.TASK_ACCEPT), Map.of("decision", "accept"));
        complete(
                "rob",
                awaitCommitmentTask(commitment, CommitmentBpmn.TASK_DELIVER),
                Map.of("decision", "deliver", "evidence", "https://docs/sso"));
        Task verify = awaitCommitmentTask(commitment, CommitmentBpmn.TASK_VERIFY);
        post("cora", verify, "claim");

        assertRefusedAt(complete("cora", verify, Map.of("decision", "reopen")), "reason");
        assertThat(tasks.findById(verify.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void nobodyBeingHandedOverTakesWorkAsDelegateOrCover() throws Exception {
        Book book = handovers.launch(handovers.book(), true, this::as);
        String leaver = book.departing().getUsername();
        Task review = awaitTaskOf(startReview(null));
        post("rob", review, "claim");

        ResponseEntity<Map> delegated =
                as("rob").postForEntity("/api/tasks/" + review.getId() + "/delegate", Map.of("to", leaver), Map.class);
        assertRefusedAt(delegated, "to");
        assertThat((String) ((Map) delegated.getBody().get("errors")).get("to")).contains("is being handed over");
        assertThat(tasks.findById(review.getId()).orElseThrow().getAssignee()).isEqualTo("rob");

        ResponseEntity<Map> cover = away(
                book.successor().getUsername(), LocalDate.now(), LocalDate.now().plusDays(2), leaver);
        assertRefusedAt(cover, "delegate");
        assertThat(jdbc.queryForObject(
                        "select count(*) from absence where delegate_id = ?",
                        Long.class,
                        book.departing().getId()))
                .isZero();
    }

    private ResponseEntity<Map> complete(String user, Task task, Map<String, Object> values) {
        return as(user).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class);
    }

    private static void assertRefusedAt(ResponseEntity<Map> response, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) response.getBody().get("errors")).containsKey(field);
    }

    private long mailsToCustomer(long accountId) {
        return jdbc.queryForObject(
                "select count(*) from outbox_message o join contact c on c.email = o.to_address"
                        + " where c.account_id = ?",
                Long.class,
                accountId);
    }

    private Task awaitCommitmentTask(long commitmentId, String elementId) {
        return awaitOpenTask(new TaskSubject("commitment", commitmentId), elementId);
    }
}
