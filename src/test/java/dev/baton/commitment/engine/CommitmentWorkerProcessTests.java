package dev.baton.commitment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.commitment.CommitmentSettings;
import dev.baton.commitment.CommitmentStage;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.Commitments;
import dev.baton.commitment.engine.CommitmentBpmn.Variables;
import dev.baton.engine.Bpmn;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.engine.WorkerRecords;
import dev.baton.people.People;
import dev.baton.people.TimeZones;
import dev.baton.shared.Dates;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import dev.baton.task.TaskSubject;
import io.camunda.client.CamundaClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * commitment.bpmn with the real CommitmentWorkers on the in-memory engine: people decide through the
 * task API, and the test checks what the workers sent (from the engine's records) and the database.
 */
class CommitmentWorkerProcessTests extends EngineIntegrationTest {

    @Autowired
    Commitments commitments;

    @Autowired
    People people;

    @Autowired
    CamundaClient camunda;

    @Autowired
    CommitmentSettings settings;

    @Autowired
    TimeZones zones;

    WorkerRecords sent;
    long accountId;
    long commitmentId;

    @BeforeEach
    void aCommitmentOwnedByRob() {
        sent = new WorkerRecords(engine, WAIT);
        accountId = accountOf("rob", "Workers " + UUID.randomUUID());
        commitmentId =
                promise("rob", accountId, "SSO guide", "rob", LocalDate.now().plusDays(20));
    }

    @Test
    void theWorkersRouteEachStepByIdsAndApplyEachDecisionUntilTheCommitmentIsVerified() {
        Task accept = awaitOpenTask(CommitmentBpmn.TASK_ACCEPT);
        long instance = accept.getProcessInstanceKey();
        Map<String, Object> routed = sent.awaitCompleted(instance, CommitmentBpmn.READ_JOB_TYPE);
        assertThat(routed)
                .containsEntry(Variables.STAGE, CommitmentStage.ACCEPT.key())
                .containsEntry(Variables.OWNER_USERNAME, "rob")
                .containsEntry(Variables.MADE_BY_USERNAME, "rob")
                .containsEntry(Variables.DECISION, null)
                .containsEntry(Variables.REASON, null)
                .containsKeys(
                        Variables.VERSION,
                        Variables.DUE_AT,
                        Variables.REMINDER_AT,
                        Variables.DELIVERING_TEAM,
                        Variables.VERIFYING_TEAM,
                        Variables.ESCALATE_TO_USERNAME);
        assertThat(((Number) routed.get(Bpmn.Variables.ACCOUNT_ID)).longValue()).isEqualTo(accountId);
        assertThat(commitments.findById(commitmentId).orElseThrow().getProcessInstanceKey())
                .isEqualTo(instance);

        assertThat(complete("rob", accept, Map.of("decision", "accept"))).isEqualTo(HttpStatus.OK);
        assertThat(sent.awaitCompleted(instance, CommitmentBpmn.DECIDE_JOB_TYPE))
                .as("a decision adds no variable")
                .isEmpty();
        assertThat(sent.awaitCompleted(instance, CommitmentBpmn.READ_JOB_TYPE, 2)
                        .get(1))
                .containsEntry(Variables.STAGE, CommitmentStage.DELIVER.key())
                .containsEntry(Variables.DECISION, null);
        assertThat(commitments.findById(commitmentId).orElseThrow().getStatus()).isEqualTo(CommitmentStatus.ACCEPTED);

        assertThat(complete(
                        "rob",
                        awaitOpenTask(CommitmentBpmn.TASK_DELIVER),
                        Map.of("decision", "deliver", "evidence", "https://docs/sso")))
                .isEqualTo(HttpStatus.OK);
        Task verify = awaitOpenTask(CommitmentBpmn.TASK_VERIFY);
        assertThat(post("cora", verify, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(complete("cora", verify, Map.of("decision", "verify"))).isEqualTo(HttpStatus.OK);

        sent.awaitEnded(instance);
        assertThat(commitments.findById(commitmentId).orElseThrow())
                .satisfies(
                        c -> assertThat(c.getStatus()).isEqualTo(CommitmentStatus.VERIFIED),
                        c -> assertThat(c.getDeliveryEvidence()).isEqualTo("https://docs/sso"));
        assertThat(sent.variableValues(instance))
                .as("the evidence reached the commitment through PostgreSQL, the process carried only its id")
                .noneMatch(v -> v.contains("docs/sso"))
                .anyMatch(v -> v.startsWith(Variables.ANSWER_ID + "=") && !v.endsWith("=null"));
        assertThat(sent.passed(instance))
                .containsSubsequence(
                        CommitmentBpmn.TASK_READ,
                        CommitmentBpmn.TASK_ACCEPT,
                        CommitmentBpmn.TASK_APPLY_DECISION,
                        CommitmentBpmn.TASK_DELIVER,
                        CommitmentBpmn.TASK_APPLY_DECISION,
                        CommitmentBpmn.TASK_VERIFY,
                        CommitmentBpmn.TASK_APPLY_DECISION,
                        CommitmentBpmn.END_CLOSED);
    }

    @Test
    void aDecisionCompletedAroundTheInboxThatTheRulesRefuseIsABpmnErrorAndTheStepIsAskedAgain() {
        Task accept = awaitOpenTask(CommitmentBpmn.TASK_ACCEPT);
        long instance = accept.getProcessInstanceKey();

        // another client completes the step with a rejection without a reason, which the inbox would refuse
        camunda.newCompleteCommand(accept.getJobKey())
                .variables(Map.of("decision", "reject"))
                .send()
                .join();

        assertThat(sent.awaitErrorsThrown(instance, CommitmentBpmn.DECIDE_JOB_TYPE))
                .containsExactly(CommitmentBpmn.ERROR_DECISION_REFUSED);
        assertThat(sent.awaitCompleted(instance, CommitmentBpmn.READ_JOB_TYPE, 2)
                        .get(1))
                .containsEntry(Variables.STAGE, CommitmentStage.ACCEPT.key())
                .containsEntry(Variables.DECISION, null);
        Task askedAgain = await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> t.getProcessInstanceKey() == instance
                                        && t.getElementId().equals(CommitmentBpmn.TASK_ACCEPT)
                                        && !t.getId().equals(accept.getId()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        assertThat(askedAgain.getAssignee()).isEqualTo("rob");
        assertThat(commitments.findById(commitmentId).orElseThrow().getStatus()).isEqualTo(CommitmentStatus.PROPOSED);
    }

    @Test
    void aRescheduleThroughTheApiArmsTheProcessTimersAgainForTheNewDateWhetherAwaitingAcceptanceOrDelivery() {
        LocalDate first = LocalDate.now().plusDays(20);
        Task accept = awaitOpenTask(CommitmentBpmn.TASK_ACCEPT);
        long instance = accept.getProcessInstanceKey();
        sent.awaitArmedTimers(instance, Map.of(CommitmentBpmn.TIMER_ACCEPT_DUE_DATE, dueAt(first)));

        LocalDate agreed = first.plusDays(7);
        assertThat(reschedule(agreed, "the customer's launch moved")).isEqualTo(HttpStatus.OK);
        sent.awaitArmedTimers(instance, Map.of(CommitmentBpmn.TIMER_ACCEPT_DUE_DATE, dueAt(agreed)));
        Task acceptAgain = awaitOpenTaskOtherThan(CommitmentBpmn.TASK_ACCEPT, accept);
        assertThat(acceptAgain.getDueAt()).isEqualTo(dueAt(agreed));

        assertThat(complete("rob", acceptAgain, Map.of("decision", "accept"))).isEqualTo(HttpStatus.OK);
        Task deliver = awaitOpenTask(CommitmentBpmn.TASK_DELIVER);
        sent.awaitArmedTimers(
                instance,
                Map.of(
                        CommitmentBpmn.TIMER_DUE_DATE, dueAt(agreed),
                        CommitmentBpmn.TIMER_REMINDER, reminderAt(agreed)));

        LocalDate later = agreed.plusDays(30);
        assertThat(reschedule(later, "waiting for their SSO provider")).isEqualTo(HttpStatus.OK);

        // the old date's timers are gone, not left to fire beside the new ones
        sent.awaitArmedTimers(
                instance,
                Map.of(
                        CommitmentBpmn.TIMER_DUE_DATE, dueAt(later),
                        CommitmentBpmn.TIMER_REMINDER, reminderAt(later)));
        assertThat(awaitOpenTaskOtherThan(CommitmentBpmn.TASK_DELIVER, deliver).getDueAt())
                .isEqualTo(dueAt(later));
        await().atMost(WAIT)
                .until(() -> tasks.findById(deliver.getId()).orElseThrow().getStatus() == TaskStatus.CANCELED);
    }

    /** POST /api/commitments/{id}/reschedule as rob, the owner, at the current version. */
    private HttpStatus reschedule(LocalDate to, String reason) {
        long version = commitments.findById(commitmentId).orElseThrow().getVersion();
        return HttpStatus.valueOf(as("rob")
                .postForEntity(
                        "/api/commitments/" + commitmentId + "/reschedule",
                        Map.of("dueDate", to.toString(), "reason", reason, "version", version),
                        Map.class)
                .getStatusCode()
                .value());
    }

    /** The end of the due day where rob is: when the overdue timer fires. */
    private Instant dueAt(LocalDate due) {
        return Dates.endOf(due, zones.of(people.findByUsername("rob").orElseThrow()));
    }

    /** The reminder's instant: the configured days before, at the configured hour where rob is. */
    private Instant reminderAt(LocalDate due) {
        return Dates.at(
                due.minusDays(settings.reminderDaysBeforeByTeam()
                        .getOrDefault(settings.defaultDeliveringTeam(), settings.reminderDaysBefore())),
                settings.notifyAt(),
                zones.of(people.findByUsername("rob").orElseThrow()));
    }

    private Task awaitOpenTaskOtherThan(String elementId, Task before) {
        return await().atMost(WAIT)
                .until(
                        () -> tasks.findAll().stream()
                                .filter(t -> new TaskSubject("commitment", commitmentId).equals(t.getSubject())
                                        && t.getElementId().equals(elementId)
                                        && t.getStatus() == TaskStatus.OPEN
                                        && !t.getId().equals(before.getId()))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
    }

    private Task awaitOpenTask(String elementId) {
        return await().atMost(WAIT).until(() -> openTask(elementId), t -> t != null);
    }

    private Task openTask(String elementId) {
        return tasks.findAll().stream()
                .filter(t -> new TaskSubject("commitment", commitmentId).equals(t.getSubject())
                        && t.getElementId().equals(elementId)
                        && t.getStatus() == TaskStatus.OPEN)
                .findFirst()
                .orElse(null);
    }

    private HttpStatus complete(String user, Task task, Map<String, Object> values) {
        return HttpStatus.valueOf(as(user).postForEntity("/api/tasks/" + task.getId() + "/complete", values, Map.class)
                .getStatusCode()
                .value());
    }
}
