package dev.baton.stewardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.engine.WorkerRecords;
import dev.baton.people.People;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The stewardship tests' fixtures: a new owner of their own (the demo owners have many stale
 * contacts in the shared database), their accounts and contacts through the API, the run over that
 * owner only, the review's tasks as the inbox has them.
 */
public abstract class StewardshipTest extends EngineIntegrationTest {

    protected static final String PASSWORD = "steward-pass-1";

    @Autowired
    protected StewardshipRun run;

    @Autowired
    protected People people;

    protected WorkerRecords sent;
    protected String owner;

    @BeforeEach
    void anOwnerReportingToMaria() {
        sent = new WorkerRecords(engine, WAIT);
        owner = "steward-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> person = new HashMap<>();
        person.put("username", owner);
        person.put("fullName", "Sam Steward");
        person.put("email", owner + "@baton.example");
        person.put("password", PASSWORD);
        person.put("roles", List.of("REP"));
        person.put("managerId", people.findByUsername("maria").orElseThrow().getId());
        assertThat(as("ada").postForEntity("/api/people", person, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    protected TestRestTemplate asOwner() {
        return http.withBasicAuth(owner, PASSWORD);
    }

    protected long account() {
        return id(as("ada")
                .postForObject(
                        "/api/accounts",
                        Map.of("name", "Stewarded " + UUID.randomUUID(), "ownerId", ownerId()),
                        Map.class));
    }

    /** A contact never verified: stale. */
    protected long contact(long account, String name, boolean primary) {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", name);
        body.put("email", name.toLowerCase().replace(' ', '.') + "@customer.example");
        body.put("primary", primary);
        return id(asOwner().postForObject("/api/accounts/" + account + "/contacts", body, Map.class));
    }

    /** The run over this owner only; returns the review it opened. */
    protected long openReview() {
        List<Long> opened = run.run(List.of(ownerId()));
        assertThat(opened).hasSize(1);
        return opened.get(0);
    }

    @SuppressWarnings("rawtypes")
    protected Map outcome(long review, long contact, Map<String, Object> body, HttpStatus expected) {
        var answer = asOwner().postForEntity("/api/stewardship/" + review + "/contacts/" + contact, body, Map.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(expected.value());
        return answer.getBody();
    }

    protected Task awaitOpenTask(String subjectType, long subjectId, String elementId) {
        return await().atMost(WAIT).until(() -> openTask(subjectType, subjectId, elementId), t -> t != null);
    }

    protected Task openTask(String subjectType, long subjectId, String elementId) {
        return tasks.findAll().stream()
                .filter(t -> new TaskSubject(subjectType, subjectId).equals(t.getSubject())
                        && t.getElementId().equals(elementId)
                        && t.getStatus() == TaskStatus.OPEN)
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("rawtypes")
    protected Map completeTask(Task task, Map<String, Object> values, HttpStatus expected) {
        var answer = asOwner().postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(expected.value());
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> contactView(long contact) {
        return as("ada").getForObject("/api/contacts/" + contact, Map.class);
    }

    protected long ownerId() {
        return people.findByUsername(owner).orElseThrow().getId();
    }
}
