package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.audit.AuditLog;
import dev.baton.commitment.HandoffProcess;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.people.LaunchedRuns;
import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.task.Task;
import dev.baton.task.TaskEngine;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import dev.baton.task.Tasks;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole app on the in-memory engine and embedded PostgreSQL, shared by the integration tests
 * of the task bridge (one Spring context for all of them). Each test starts its own instance of
 * the sample playbook and looks only at its own rows and records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EngineIntegrationTest {

    /**
     * How long a test waits for the engine and the workers. Workers take pushed jobs and poll every
     * 10 s as a fallback (camunda.client.worker.defaults.poll-interval): a push handed back on a loaded
     * machine is picked up by that poll, so waits cover several of them.
     */
    protected static final Duration WAIT = Duration.ofSeconds(75);

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ZeebeTestEngine engine;

    @Autowired
    protected CamundaClient client;

    /** The real engine port, spied so that a test can make the engine not answer about one instance. */
    @MockitoSpyBean
    protected ProcessInstances processInstances;

    @Autowired
    protected Tasks tasks;

    @Autowired
    private JdbcTemplate peopleIds;
    /** The real engine port, spied so that a test can make one call fail. */
    @MockitoSpyBean
    protected TaskEngine taskEngine;
    /** Spied so that a test can make the handoff's start fail once. */
    @MockitoSpyBean
    protected HandoffProcess handoffProcess;
    /** Spied too, so a test can act at the moment a change is recorded (inside its transaction). */
    @MockitoSpyBean
    protected AuditLog auditLog;
    /** Spied so that a test can make the listing of a launcher's runs fail, as when the engine does not answer. */
    @MockitoSpyBean
    protected LaunchedRuns launchedRuns;

    /**
     * A failure on a loaded machine is rarely reproduced here: it then names what the engine last did
     * (jobs, timers, incidents), so the report alone tells a lost timer from a job nobody took.
     */
    @RegisterExtension
    final TestExecutionExceptionHandler engineHistoryOnFailure = (context, failure) -> {
        if (failure instanceof AssertionError || failure instanceof ConditionTimeoutException) {
            failure.addSuppressed(new AssertionError("the engine's last job, timer and incident events:\n"
                    + new WorkerRecords(engine, WAIT).recent(40)));
        }
        throw failure;
    };

    @AfterEach
    void forgetRecordStream() {
        BpmnAssert.resetRecordStream();
    }

    protected long startReview(Long accountId) {
        Map<String, Object> variables = new HashMap<>(Map.of(Variables.REVIEW_DUE_AT, "2030-01-31T09:00:00Z"));
        if (accountId != null) {
            variables.put(Variables.ACCOUNT_ID, accountId);
        }
        return processInstances.start(SampleReviewBpmn.PROCESS_ID, variables);
    }

    /** The instance's task row, once it exists and its job lock has been extended. */
    protected Task awaitTaskOf(long instance) throws Exception {
        engine.waitForIdleState(WAIT);
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getProcessInstanceKey() == instance)
                                .findFirst()
                                .orElse(null),
                        t -> t != null
                                && t.getLockExpiresAt().isAfter(Instant.now().plus(Duration.ofDays(1))));
    }

    /** Waits for the instance to end, then points BpmnAssert at the engine's records. */
    protected void awaitProcessCompleted(long instance) {
        await().atMost(WAIT)
                .until(() -> StreamSupport.stream(
                                records().processInstanceRecords().spliterator(), false)
                        .anyMatch(r -> r.getValue().getProcessInstanceKey() == instance
                                && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
                                && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED));
        BpmnAssert.initRecordStream(records());
    }

    protected RecordStream records() {
        return RecordStream.of(engine.getRecordStreamSource());
    }

    /**
     * What an admin does in Operate once the cause is fixed: gives the job {@code retries} and resolves
     * the incidents the engine raised in the instance ({@link #resolveIncidents}).
     */
    protected void retryAndResolveIncidents(long jobKey, int retries, long processInstanceKey) {
        client.newUpdateRetriesCommand(jobKey).retries(retries).send().join();
        resolveIncidents(processInstanceKey);
    }

    /** Resolves every incident the engine raised in the instance, as an admin does in Operate. */
    protected void resolveIncidents(long processInstanceKey) {
        StreamSupport.stream(records().incidentRecords().spliterator(), false)
                .filter(r -> r.getIntent() == IncidentIntent.CREATED
                        && r.getValue().getProcessInstanceKey() == processInstanceKey)
                .forEach(
                        r -> client.newResolveIncidentCommand(r.getKey()).send().join());
    }

    protected TestRestTemplate as(String username) {
        return http.withBasicAuth(username, "demo");
    }

    /** POST /api/tasks/{id}/{action} as that person. */
    @SuppressWarnings("rawtypes")
    protected ResponseEntity<Map> post(String username, Task task, String action) {
        return as(username).postForEntity("/api/tasks/" + task.getId() + "/" + action, null, Map.class);
    }

    /** The id of the person with this user name. */
    protected long personId(String username) {
        return peopleIds.queryForObject("select id from person where username = ?", Long.class, username);
    }

    /** The {@code id} of a record as the API answers it. */
    protected static long id(Map<?, ?> body) {
        return ((Number) body.get("id")).longValue();
    }

    /** A new account called {@code name} that maria (a manager) creates for {@code owner}; its id. */
    protected long accountOf(String owner, String name) {
        return id(as("maria")
                .postForObject("/api/accounts", Map.of("name", name, "ownerId", personId(owner)), Map.class));
    }

    /** A commitment {@code by} records through the API on the account, owned by {@code owner}; its id. */
    protected long promise(String by, long accountId, String description, String owner, LocalDate due) {
        return id(as(by).postForObject(
                        "/api/commitments",
                        Map.of(
                                "accountId",
                                accountId,
                                "description",
                                description,
                                "ownerId",
                                personId(owner),
                                "dueDate",
                                due.toString()),
                        Map.class));
    }

    /** The task row of the instance's step (element), once the bridge has stored it. */
    protected Task awaitTask(long instance, String elementId) {
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getProcessInstanceKey() == instance
                                        && t.getElementId().equals(elementId))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    /** The open task of {@code subject} (a commitment, a renewal) at that step, once it is there. */
    protected Task awaitOpenTask(TaskSubject subject, String elementId) {
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> subject.equals(t.getSubject())
                                        && elementId.equals(t.getElementId())
                                        && t.getStatus() == TaskStatus.OPEN)
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    /** POST /api/absences as {@code who}: away from {@code from} to {@code to}, covered by {@code delegate}. */
    @SuppressWarnings("rawtypes")
    protected ResponseEntity<Map> away(String who, LocalDate from, LocalDate to, String delegate) {
        return as(who).postForEntity(
                        "/api/absences",
                        Map.of("startsOn", from.toString(), "endsOn", to.toString(), "delegate", delegate),
                        Map.class);
    }

    /** The fields a problem detail (RFC 7807) names, with their messages. */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> errors(Object problem) {
        Object body = problem instanceof ResponseEntity<?> r ? r.getBody() : problem;
        return (Map<String, Object>) ((Map<?, ?>) body).get("errors");
    }

    /** The task ids on one page of GET /api/tasks. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected static List<Object> ids(ResponseEntity<Map> page) {
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) page.getBody().get("content"))
                .stream().map(i -> i.get("id")).toList();
    }
}
