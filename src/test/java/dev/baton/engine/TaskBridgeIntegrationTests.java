package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.people.People;
import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.task.Task;
import dev.baton.task.TaskEngine;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSpec;
import dev.baton.task.TaskStatus;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The sample playbook's user task through Baton's inbox API and back into the engine. */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class TaskBridgeIntegrationTests extends EngineIntegrationTest {

    static final Map<String, Object> GOOD_VALUES = Map.of(
            "reviewSummary", "Renewal looks safe", "healthScore", 8, "renewalRisk", "low", "needsFollowUp", true);

    @Autowired
    CamundaClient client;

    @Autowired
    TaskService taskService;

    @Autowired
    TaskEngineSync engineSync;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Accounts accounts;

    @Autowired
    People people;

    @Autowired
    AuditEvents auditEvents;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void robClaimsAndCompletesTheReviewWhileRaviFromAnotherTeamCannot() throws Exception {
        Account acme = accounts.save(
                new Account("Acme GmbH", people.findByUsername("rob").orElseThrow(), null, null, null));
        String start = "/api/playbooks/sample-review/instances";
        Map<String, Object> request = Map.of("accountId", acme.getId());
        assertThat(as("rob").postForEntity(start, request, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> started = as("maria").postForEntity(start, request, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long instance = ((Number) started.getBody().get("processInstanceKey")).longValue();
        Task task = awaitTaskOf(instance);

        assertThat(task.getCandidateGroups()).containsExactly(SampleReviewBpmn.CANDIDATE_TEAM);
        assertThat(task.getAccountId()).isEqualTo(acme.getId());
        assertThat(task.getDueAt()).isAfter(Instant.now().plus(Duration.ofDays(2)));
        assertThat(task.getLockExpiresAt()).isAfter(Instant.now().plus(Duration.ofHours(47))); // lock-duration P2D
        assertThat(jobRecords(task.getJobKey(), JobIntent.TIMEOUT_UPDATED)).isNotEmpty();
        assertThat(ids(as("rob").getForEntity("/api/tasks?scope=team", Map.class)))
                .contains(task.getId().intValue());
        assertThat(ids(as("ravi").getForEntity("/api/tasks", Map.class)))
                .doesNotContain(task.getId().intValue());
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
        ResponseEntity<Map> bad = as("rob")
                .postForEntity(
                        "/api/tasks/" + task.getId() + "/complete",
                        Map.of("healthScore", "high", "renewalRisk", "none"),
                        Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) bad.getBody().get("errors"))
                .containsOnlyKeys("reviewSummary", "healthScore", "renewalRisk");
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);

        ResponseEntity<Map> done = complete("rob", task);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(done.getBody()).containsEntry("status", "COMPLETED");

        awaitProcessCompleted(instance);
        BpmnAssert.assertThat(new InspectedProcessInstance(instance))
                .hasPassedElementsInOrder(
                        SampleReviewBpmn.TASK_REVIEW_ACCOUNT, SampleReviewBpmn.TASK_RECORD_REVIEW, SampleReviewBpmn.END)
                .hasVariableWithValue("reviewSummary", "Renewal looks safe")
                .hasVariableWithValue("healthScore", 8)
                .hasVariableWithValue("needsFollowUp", true)
                .hasVariableWithValue(Variables.REVIEW_RECORDED, true);
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
                .extracting(AuditEvent::getAction, AuditEvent::getActor, AuditEvent::getAccountId)
                .containsExactly(
                        tuple("task.claimed", "rob", acme.getId()), tuple("task.completed", "rob", acme.getId()));
    }

    @Test
    void aCompletionTheEngineRefusesOnceIsRetriedUntilItArrives() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        doThrow(new IllegalStateException("engine unreachable"))
                .doCallRealMethod()
                .when(taskEngine)
                .complete(anyLong(), anyMap());

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
    void aCompletionThatBatonsOwnBookkeepingRacedIsTriedAgainOnTheFreshRow() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        AtomicBoolean extended = new AtomicBoolean();
        // record() demands its caller's transaction, also when it is only being stubbed
        transaction.executeWithoutResult(stubbing -> {
            doAnswer(call -> {
                        if ("task.completed".equals(call.getArgument(0)) && extended.compareAndSet(false, true)) {
                            // meanwhile Baton extends the task's lock (as when a sibling step arrives), committed
                            CompletableFuture.runAsync(() -> jdbc.execute((ConnectionCallback<Integer>) c -> {
                                        c.createStatement().execute("set lock_timeout = '5s'");
                                        try {
                                            return c.createStatement()
                                                    .executeUpdate("update task set lock_expires_at = lock_expires_at"
                                                            + " + interval '1 minute', version = version + 1"
                                                            + " where id = " + task.getId());
                                        } finally {
                                            c.createStatement().execute("reset lock_timeout");
                                        }
                                    }))
                                    .get();
                        }
                        return call.callRealMethod();
                    })
                    .when(auditLog)
                    .record(any(), any(), any(), any(), any(), any());
        });

        ResponseEntity<Map> completed = complete("rob", task);

        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(completed.getBody()).containsEntry("status", "COMPLETED");
        assertThat(extended).isTrue();
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
                .extracting(AuditEvent::getAction)
                .as("the first attempt left nothing behind")
                .containsOnlyOnce("task.completed");
        awaitProcessCompleted(instance);
    }

    @Test
    void noRowLockIsHeldWhileTheEngineIsCalled() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        List<Long> lockableDuringTheCall = new java.util.ArrayList<>();
        doAnswer(call -> {
                    // another transaction (another instance, a person's request) can lock the row meanwhile
                    lockableDuringTheCall.addAll(jdbc.queryForList(
                            "select id from task where id = ? for update nowait", Long.class, task.getId()));
                    return call.callRealMethod();
                })
                .when(taskEngine)
                .complete(anyLong(), anyMap());

        assertThat(complete("rob", task).getBody()).containsEntry("status", "COMPLETED");

        assertThat(lockableDuringTheCall).containsExactly(task.getId());
        awaitProcessCompleted(instance);
    }

    @Test
    void aCompletionTheEngineRefusesForGoodGoesBackToItsAssigneeWithTheReason() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        doThrow(new TaskEngine.Refused(task.getJobKey(), "the answer is too large for the process engine", null))
                .doCallRealMethod()
                .when(taskEngine)
                .complete(eq(task.getJobKey()), anyMap());

        ResponseEntity<Map> refused = complete("rob", task);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("detail")).contains("still open", "too large");
        Task back = tasks.findById(task.getId()).orElseThrow();
        assertThat(back.getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(back.getAssignee()).isEqualTo("rob");
        assertThat(back.getCompletionRefusal()).contains("too large");
        engineSync.retryCompletions(10); // nothing owed: a refusal is not retried
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);

        assertThat(complete("rob", task).getBody())
                .containsEntry("status", "COMPLETED")
                .containsEntry("completionRefusal", null);
        awaitProcessCompleted(instance);
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
                .extracting(AuditEvent::getAction)
                .containsExactly("task.claimed", "task.completed", "task.completion-refused", "task.completed");
    }

    @Test
    void aCompletionTheEngineTookButWhoseAnswerWasLostEndsCompletedNotCanceled() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        // the engine completes the job, then the answer is lost (as a deadline or dropped connection does)
        doAnswer(call -> {
                    call.callRealMethod();
                    throw new IllegalStateException("deadline exceeded after 10 s");
                })
                .doCallRealMethod()
                .when(taskEngine)
                .complete(anyLong(), anyMap());

        ResponseEntity<Map> accepted = complete("rob", task);

        assertThat(accepted.getBody()).containsEntry("status", "COMPLETING");
        awaitProcessCompleted(instance); // the first completion did land
        engineSync.retryCompletions(10); // the retry finds the job gone
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
                .extracting(AuditEvent::getAction)
                .containsExactly("task.claimed", "task.completed", "task.completion-confirmed");
    }

    @Test
    void aCompletionWhoseInstanceDiedDuringTheEngineCallEndsCompletedNotCanceled() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        // as after kill -9 mid-call: the row says COMPLETING under a lease nobody released, and the
        // engine took the completion before the instance died
        jdbc.update(
                "update task set status = 'COMPLETING', completed_by = 'rob', completed_at = now(),"
                        + " sync_lease_until = now() - interval '1 minute' where id = ?",
                task.getId());
        client.newCompleteCommand(task.getJobKey()).send().join();
        awaitProcessCompleted(instance);

        engineSync.retryCompletions(10); // another instance, or the restarted one, finds the job gone

        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
                .extracting(AuditEvent::getAction)
                .endsWith("task.completion-confirmed");
    }

    @Test
    void aCompletionLeftByAnInstanceThatDiedMidCallIsFreeForAnotherWithinAMinute() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        jdbc.update(
                "update task set status = 'COMPLETING', completed_by = 'rob', completed_at = now() where id = ?",
                task.getId());
        // the instance dies during its engine call: nothing after it runs, the lease stays on the row
        doThrow(new AssertionError("kill -9 mid-call")).when(taskEngine).complete(eq(task.getJobKey()), anyMap());
        Instant before = Instant.now();
        try {
            engineSync.finishCompletion(task.getId());
        } catch (AssertionError died) {
            // as expected
        }
        Instant leasedUntil = jdbc.queryForObject(
                        "select sync_lease_until from task where id = ?", java.sql.Timestamp.class, task.getId())
                .toInstant();
        // the lease covers one engine call (the client's request timeout: 10 s by default, 60 s in the
        // tests' configuration) and 10 s to record it, no more: with the default, the 30-s retry run
        // takes the row over within a minute (it was two minutes for any timeout)
        Duration lease = taskEngine.callTimeout().plusSeconds(10);
        assertThat(leasedUntil)
                .isBetween(before.minusMillis(1).plus(lease), Instant.now().plus(lease));

        jdbc.update("update task set sync_lease_until = now() - interval '1 second' where id = ?", task.getId());
        doCallRealMethod().when(taskEngine).complete(eq(task.getJobKey()), anyMap());
        engineSync.retryCompletions(10); // another instance, once the lease ran out

        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.COMPLETED);
        awaitProcessCompleted(instance);
    }

    @Test
    void aCompletionTurnedAwayByABusyEngineIsRetriedAndAJobGoneThenMeansWithdrawn() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        doThrow(new TaskEngine.NotTaken(task.getJobKey(), null))
                .when(taskEngine)
                .complete(eq(task.getJobKey()), anyMap());
        assertThat(complete("rob", task).getBody()).containsEntry("status", "COMPLETING");

        client.newCancelInstanceCommand(instance).send().join(); // withdrawn while the engine was busy
        engine.waitForIdleState(WAIT);
        doCallRealMethod().when(taskEngine).complete(eq(task.getJobKey()), anyMap());
        engineSync.retryCompletions(10);

        assertNoAnswerOn(task.getId());
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
                .last()
                .extracting(AuditEvent::getAction, AuditEvent::getActor)
                .containsExactly("task.canceled", "system");
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

    @Test
    void anAnswerArrivingAfterItsProcessClosedTheStepIsRefusedAndLeavesNoTraceOnTheTask() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        // rob's answer is committed; before it reaches the engine, the process closes the step
        doAnswer(call -> {
                    client.newCancelInstanceCommand(instance).send().join();
                    engine.waitForIdleState(WAIT);
                    return call.callRealMethod();
                })
                .doCallRealMethod()
                .when(taskEngine)
                .complete(eq(task.getJobKey()), anyMap());

        ResponseEntity<Map> refused = complete("rob", task);

        ResponseEntity<Map> shown = as("rob").getForEntity("/api/tasks/" + task.getId(), Map.class);
        List<AuditEvent> history = auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId());
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            softly.assertThat((String) refused.getBody().get("detail"))
                    .contains("closed by its process before your answer arrived", "did not reach the process");
            softly.assertThat(tasks.findById(task.getId()).orElseThrow())
                    .extracting(Task::getStatus, Task::getCompletedBy, Task::getCompletedAt, Task::getOutcome)
                    .containsExactly(TaskStatus.CANCELED, null, null, null);
            softly.assertThat((Map<String, Object>) shown.getBody().get("task"))
                    .containsEntry("status", "CANCELED")
                    .containsEntry("completedBy", null)
                    .containsEntry("outcome", null);
            softly.assertThat(shown.getBody()).containsEntry("outcome", null);
            softly.assertThat(history.getLast())
                    .as("the process closed the step, not rob")
                    .extracting(AuditEvent::getAction, AuditEvent::getActor)
                    .containsExactly("task.canceled", "system");
        });

        ResponseEntity<Map> again = complete("rob", task); // the same request arriving twice

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertNoAnswerOn(task.getId());
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()))
                .hasSameSizeAs(history);
    }

    private void assertNoAnswerOn(long taskId) {
        assertThat(tasks.findById(taskId).orElseThrow())
                .extracting(Task::getStatus, Task::getCompletedBy, Task::getCompletedAt, Task::getOutcome)
                .containsExactly(TaskStatus.CANCELED, null, null, null);
    }

    @Test
    void renewsLocksAboutToRunOutAndCancelsTasksWhoseJobIsGone() throws Exception {
        Task live = awaitTaskOf(startReview(null));
        long cancelledInstance = startReview(null);
        Task gone = awaitTaskOf(cancelledInstance);
        client.newCancelInstanceCommand(cancelledInstance).send().join();
        engine.waitForIdleState(WAIT);
        jdbc.update(
                "update task set lock_expires_at = now() + interval '1 day' where id in (?, ?)",
                live.getId(),
                gone.getId());

        await().atMost(WAIT).until(() -> {
            engineSync.renewLocks(10);
            return tasks.findById(gone.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED
                    && tasks.findById(live.getId())
                            .orElseThrow()
                            .getLockExpiresAt()
                            .isAfter(Instant.now().plus(Duration.ofHours(47)));
        });
        assertThat(tasks.findById(live.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.OPEN);
        assertThat(jobRecords(live.getJobKey(), JobIntent.TIMEOUT_UPDATED)).hasSize(2);
    }

    @Test
    void aCompletionMadeWhileTheLockIsBeingExtendedGoesToTheEngineAsTheExtensionEnds() throws Exception {
        long instance = startReview(null);
        Task task = awaitTaskOf(instance);
        post("rob", task, "claim");
        AtomicReference<ResponseEntity<Map>> completed = new AtomicReference<>();
        doAnswer(call -> {
                    // rob completes while Baton holds the task's lease to extend its lock
                    completed.set(complete("rob", task));
                    return call.callRealMethod();
                })
                .doCallRealMethod()
                .when(taskEngine)
                .extendLock(eq(task.getJobKey()), any());
        jdbc.update("update task set lock_expires_at = now() + interval '1 day' where id = ?", task.getId());

        engineSync.renewLocks(10);

        assertThat(completed.get().getBody())
                .as("his completion found the task leased and was left owed")
                .containsEntry("status", "COMPLETING");
        assertThat(tasks.findById(task.getId()).orElseThrow().getStatus())
                .as("handed to the engine when the extension let go, not at the next retry run")
                .isEqualTo(TaskStatus.COMPLETED);
        awaitProcessCompleted(instance);
    }

    @Test
    void aJobDeliveredAgainFindsItsRowAndChangesNothing() throws Exception {
        Task task = awaitTaskOf(startReview(null));
        TaskSpec again = new TaskSpec(
                task.getJobKey(),
                task.getProcessInstanceKey(),
                task.getElementInstanceKey(),
                task.getBpmnProcessId(),
                task.getProcessVersion(),
                task.getElementId(),
                "Renamed",
                "rita",
                Set.of("sales-na"),
                null,
                null,
                null,
                null,
                null);

        Task found = taskService.upsert(again);
        taskService.upsert(again);

        Task row = tasks.findById(task.getId()).orElseThrow();
        assertThat(found.getId()).isEqualTo(task.getId());
        assertThat(tasks.findAll())
                .filteredOn(t -> t.getJobKey() == task.getJobKey())
                .hasSize(1);
        assertThat(row)
                .extracting(
                        Task::getName,
                        Task::getAssignee,
                        Task::getCandidateGroups,
                        Task::getStatus,
                        Task::getVersion,
                        Task::getLockExpiresAt)
                .containsExactly(
                        task.getName(),
                        null,
                        Set.of("sales-emea"),
                        TaskStatus.OPEN,
                        task.getVersion(),
                        task.getLockExpiresAt());
    }

    @Test
    void aJobKeyHandedOutAgainByAResetBrokerMakesANewTaskAndRetiresTheOldRow() throws Exception {
        Task old = awaitTaskOf(startReview(null));
        // the same job key for another element instance: what a broker started afresh hands out
        TaskSpec reused = new TaskSpec(
                old.getJobKey(),
                42,
                old.getElementInstanceKey() + 1_000_000,
                "other-playbook",
                1,
                "task_follow_up",
                "Follow up",
                "rita",
                Set.of(),
                null,
                null,
                null,
                null,
                null);

        Task arrived = taskService.upsert(reused);

        assertThat(arrived.getId()).isNotEqualTo(old.getId());
        assertThat(arrived.getAssignee()).isEqualTo("rita");
        assertThat(tasks.findById(old.getId()).orElseThrow().getStatus()).isEqualTo(TaskStatus.CANCELED);
        assertThat(taskService.upsert(reused).getId())
                .as("delivered again: the same new row")
                .isEqualTo(arrived.getId());
    }

    private List<?> jobRecords(long jobKey, JobIntent intent) {
        return StreamSupport.stream(records().jobRecords().spliterator(), false)
                .filter(r -> r.getKey() == jobKey && r.getIntent() == intent)
                .toList();
    }

    private ResponseEntity<Map> complete(String username, Task task) {
        return as(username).postForEntity("/api/tasks/" + task.getId() + "/complete", GOOD_VALUES, Map.class);
    }
}
