package dev.baton.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doThrow;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.people.People;
import dev.baton.process.Bpmn.SampleReview;
import dev.baton.process.Bpmn.Variables;
import dev.baton.task.Task;
import dev.baton.task.TaskEngine;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskStatus;
import dev.baton.task.Tasks;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** The whole bridge: the sample playbook's user task through Baton's inbox API and back into the engine. */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskBridgeIntegrationTests {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final Map<String, Object> GOOD_VALUES =
      Map.of("reviewSummary", "Renewal looks safe", "healthScore", 8, "renewalRisk", "low", "needsFollowUp", true);

  @Autowired TestRestTemplate http;
  @Autowired ZeebeTestEngine engine;
  @Autowired CamundaClient client;
  @Autowired Playbooks playbooks;
  @Autowired Tasks tasks;
  @Autowired TaskEngineSync engineSync;
  @Autowired Accounts accounts;
  @Autowired People people;
  @Autowired AuditEvents auditEvents;
  @MockitoSpyBean TaskEngine taskEngine;

  @AfterEach
  void forgetRecordStream() {
    BpmnAssert.resetRecordStream();
  }

  @Test
  void robClaimsAndCompletesTheReviewWhileRaviFromAnotherTeamCannot() throws Exception {
    Account acme = accounts.save(new Account("Acme GmbH", people.findByUsername("rob").orElseThrow(), null, null, null));
    long instance = startReview(acme.getId());
    Task task = awaitTaskOf(instance);

    assertThat(task.getCandidateGroups()).containsExactly(SampleReview.CANDIDATE_TEAM);
    assertThat(task.getAccountId()).isEqualTo(acme.getId());
    assertThat(task.getLockExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(13)));
    assertThat(jobRecords(task.getJobKey(), JobIntent.TIMEOUT_UPDATED)).isNotEmpty();
    assertThat(ids(as("rob").getForEntity("/api/tasks?scope=team", Map.class))).contains(task.getId().intValue());
    assertThat(ids(as("ravi").getForEntity("/api/tasks", Map.class))).doesNotContain(task.getId().intValue());
    Map<?, ?> details = as("rob").getForObject("/api/tasks/" + task.getId(), Map.class);
    assertThat(details).extracting("account").extracting("name").isEqualTo("Acme GmbH");
    assertThat((List<?>) details.get("formFields")).hasSize(6);

    assertThat(complete("ravi", task).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("ravi", task, "claim").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(complete("rob", task).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN); // must claim first
    assertThat(tasks.findById(task.getId()).orElseThrow())
        .extracting(Task::getStatus, Task::getAssignee, Task::getVersion)
        .containsExactly(TaskStatus.OPEN, null, task.getVersion());

    assertThat(post("rob", task, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post("rita", task, "claim").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<Map> bad = as("rob").postForEntity(
        "/api/tasks/" + task.getId() + "/complete", Map.of("healthScore", "high", "renewalRisk", "none"), Map.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((Map<String, Object>) bad.getBody().get("errors")).containsOnlyKeys("reviewSummary", "healthScore", "renewalRisk");
    assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);

    ResponseEntity<Map> done = complete("rob", task);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody()).containsEntry("status", "COMPLETED");

    awaitProcessCompleted(instance);
    BpmnAssert.assertThat(new InspectedProcessInstance(instance))
        .hasPassedElementsInOrder(SampleReview.TASK_REVIEW_ACCOUNT, SampleReview.TASK_RECORD_REVIEW, SampleReview.END)
        .hasVariableWithValue("reviewSummary", "Renewal looks safe")
        .hasVariableWithValue("healthScore", 8)
        .hasVariableWithValue("needsFollowUp", true)
        .hasVariableWithValue(Variables.REVIEW_RECORDED, true);
    assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
        .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getAccountId)
        .containsExactly(
            tuple("task.claimed", "rob", acme.getId()),
            tuple("task.completed", "rob", acme.getId()));
  }

  @Test
  void aCompletionTheEngineRefusesOnceIsRetriedUntilItArrives() throws Exception {
    long instance = startReview(null);
    Task task = awaitTaskOf(instance);
    post("rob", task, "claim");
    doThrow(new IllegalStateException("engine unreachable")).doCallRealMethod()
        .when(taskEngine).complete(anyLong(), anyMap());

    ResponseEntity<Map> accepted = complete("rob", task);

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(accepted.getBody()).containsEntry("status", "COMPLETING");
    await().atMost(WAIT).until(() -> {
      engineSync.retryCompletions(10);
      return tasks.findById(task.getId()).orElseThrow().getStatus() == TaskStatus.COMPLETED;
    });
    awaitProcessCompleted(instance);
  }

  @Test
  void completingATaskWhoseProcessWasCancelledWithdrawsIt() throws Exception {
    long instance = startReview(null);
    Task task = awaitTaskOf(instance);
    post("rob", task, "claim");
    client.newCancelInstanceCommand(instance).send().join();
    engine.waitForIdleState(WAIT);

    ResponseEntity<Map> withdrawn = complete("rob", task);

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat((String) withdrawn.getBody().get("detail")).contains("withdrawn");
    assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.CANCELED);
  }

  private long startReview(Long accountId) {
    Map<String, Object> variables = new HashMap<>(Map.of(Variables.REVIEW_DUE_AT, "2030-01-31T09:00:00Z"));
    if (accountId != null) {
      variables.put(Variables.ACCOUNT_ID, accountId);
    }
    return playbooks.start(SampleReview.PROCESS_ID, variables);
  }

  /** The row exists and its job lock has been extended. */
  private Task awaitTaskOf(long instance) throws Exception {
    engine.waitForIdleState(WAIT);
    return await().atMost(WAIT).until(
        () -> tasks.findAll().stream().filter(t -> t.getProcessInstanceKey() == instance).findFirst().orElse(null),
        t -> t != null && t.getLockExpiresAt().isAfter(Instant.now().plus(Duration.ofDays(1))));
  }

  private void awaitProcessCompleted(long instance) {
    await().atMost(WAIT).until(() -> StreamSupport.stream(records().processInstanceRecords().spliterator(), false)
        .anyMatch(r -> r.getValue().getProcessInstanceKey() == instance
            && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
            && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED));
    BpmnAssert.initRecordStream(records());
  }

  private List<?> jobRecords(long jobKey, JobIntent intent) {
    return StreamSupport.stream(records().jobRecords().spliterator(), false)
        .filter(r -> r.getKey() == jobKey && r.getIntent() == intent)
        .toList();
  }

  private RecordStream records() {
    return RecordStream.of(engine.getRecordStreamSource());
  }

  private TestRestTemplate as(String username) {
    return http.withBasicAuth(username, "demo");
  }

  private ResponseEntity<Map> post(String username, Task task, String action) {
    return as(username).postForEntity("/api/tasks/" + task.getId() + "/" + action, null, Map.class);
  }

  private ResponseEntity<Map> complete(String username, Task task) {
    return as(username).postForEntity("/api/tasks/" + task.getId() + "/complete", GOOD_VALUES, Map.class);
  }

  private static List<Object> ids(ResponseEntity<Map> page) {
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) page.getBody().get("items")).stream().map(i -> i.get("id")).toList();
  }
}
