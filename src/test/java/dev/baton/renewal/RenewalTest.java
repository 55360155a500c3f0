package dev.baton.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.engine.WorkerRecords;
import dev.baton.people.People;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The renewal tests' fixtures: accounts through the API, the daily run over those accounts only (the
 * demo book shares the database), the renewal's tasks as the inbox has them.
 */
public abstract class RenewalTest extends EngineIntegrationTest {

    @Autowired
    protected RenewalRun run;

    @Autowired
    protected Renewals renewals;

    @Autowired
    protected People people;

    protected WorkerRecords sent;

    @BeforeEach
    void readRecords() {
        sent = new WorkerRecords(engine, WAIT);
    }

    /** A new account owned by {@code owner}, renewing {@code daysAway} days from today. */
    protected long account(String owner, int daysAway) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Renewing " + UUID.randomUUID());
        body.put("ownerId", personId(owner));
        body.put("renewalDate", LocalDate.now().plusDays(daysAway).toString());
        return id(as("ada").postForObject("/api/accounts", body, Map.class));
    }

    /** The daily run over this account only; returns the renewal it opened. */
    protected long openRenewal(long accountId) {
        assertThat(run.run(List.of(accountId))).hasSize(1);
        return renewals.findAll().stream()
                .filter(r -> r.getAccountId() == accountId)
                .findFirst()
                .orElseThrow()
                .getId();
    }

    protected Task awaitOpenTask(long renewalId, String elementId) {
        return await().atMost(WAIT).until(() -> openTask(renewalId, elementId), t -> t != null);
    }

    protected Task openTask(long renewalId, String elementId) {
        return tasks.findAll().stream()
                .filter(t -> new TaskSubject("renewal", renewalId).equals(t.getSubject())
                        && t.getElementId().equals(elementId)
                        && t.getStatus() == TaskStatus.OPEN)
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("rawtypes")
    protected Map completeTask(String user, Task task, Map<String, Object> values, HttpStatus expected) {
        var answer = as(user).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(expected.value());
        return answer.getBody();
    }

    /** The account's timeline sentences, newest first. */
    @SuppressWarnings("unchecked")
    protected List<String> timeline(long accountId) {
        // the timeline is paged (newest first); one page of 100 holds a test account's whole story
        List<Map<String, Object>> items = (List<Map<String, Object>>) as("ada")
                .getForObject("/api/accounts/" + accountId + "/timeline?size=100", Map.class)
                .get("content");
        return items.stream().map(i -> (String) i.get("summary")).toList();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> accountView(long accountId) {
        return as("ada").getForObject("/api/accounts/" + accountId, Map.class);
    }

    /** The renewal's row in {@code user}'s list of renewals, or null when it is not listed to them. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> listed(String user, long renewal) {
        var answer = as(user).getForEntity("/api/renewals?size=2000", Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) answer.getBody().get("content"))
                .stream()
                        .filter(r -> ((Number) r.get("id")).longValue() == renewal)
                        .findFirst()
                        .orElse(null);
    }
}
