package dev.baton.commitment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.Commitments;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.people.People;
import dev.baton.shared.Dates;
import dev.baton.task.Task;
import dev.baton.task.TaskSubject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * What the account's timeline tells of a commitment whose terms changed, driven as people change them:
 * the API, the commitment's tasks in the inbox, the engine and its workers.
 */
class CommitmentStoryIntegrationTests extends EngineIntegrationTest {

    @Autowired
    Commitments commitments;

    @Autowired
    People people;

    @Test
    void aRenegotiatedPromiseIsToldWithItsOldAndNewTermsAndNamedAsItStandsNow() {
        long accountId = accountOf("rob", "Renegotiated " + UUID.randomUUID());
        LocalDate firstDue = LocalDate.now().plusDays(10);
        LocalDate newDue = LocalDate.now().plusDays(20);
        long id = promise("rob", accountId, "Onsite training for 20 people", "rita", firstDue);
        awaitOpenTask(id, CommitmentBpmn.TASK_ACCEPT);
        assertThat(as("rita")
                        .postForEntity(
                                "/api/commitments/" + id + "/reject", Map.of("reason", "no trainers free"), Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Task renegotiate = awaitOpenTask(id, CommitmentBpmn.TASK_RENEGOTIATE);
        assertThat(as("rob")
                        .postForEntity(
                                "/api/tasks/" + renegotiate.getId() + "/complete",
                                Map.of(
                                        "decision",
                                        "renegotiate",
                                        "newDescription",
                                        "Remote training for 20 people",
                                        "newDueDate",
                                        newDue.toString()),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        await().atMost(WAIT)
                .until(() -> commitments.findById(id).orElseThrow().getStatus() == CommitmentStatus.PROPOSED);
        awaitOpenTask(id, CommitmentBpmn.TASK_ACCEPT);
        assertThat(as("rita")
                        .postForEntity("/api/commitments/" + id + "/accept", null, Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        String rob = fullName("rob");
        String rita = fullName("rita");
        assertThat(story(accountId))
                .containsSubsequence(
                        rita + " accepted the promise \"Remote training for 20 people\"",
                        rob + " renegotiated the promise \"Onsite training for 20 people\" with the customer to"
                                + " \"Remote training for 20 people\", due " + Dates.calendarDay(newDue) + " (was "
                                + Dates.calendarDay(firstDue) + ")",
                        rita + " said no to the promise \"Onsite training for 20 people\""
                                + " (now \"Remote training for 20 people\"): no trainers free",
                        rob + " promised \"Onsite training for 20 people\" (now \"Remote training for 20 people\"),"
                                + " due " + Dates.calendarDay(firstDue));
    }

    /** The account's timeline through the API, newest first. */
    @SuppressWarnings("unchecked")
    private List<String> story(long accountId) {
        Map<String, Object> page =
                as("rob").getForObject("/api/accounts/" + accountId + "/timeline?size=50", Map.class);
        return ((List<Map<String, Object>>) page.get("content"))
                .stream().map(i -> (String) i.get("summary")).toList();
    }

    private String fullName(String username) {
        return people.findByUsername(username).orElseThrow().getFullName();
    }

    private Task awaitOpenTask(long commitmentId, String elementId) {
        return awaitOpenTask(new TaskSubject("commitment", commitmentId), elementId);
    }
}
