package dev.baton.commitment.engine;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.commitment.engine.CommitmentBpmn.Variables;
import dev.baton.engine.InMemoryEngineTest;
import dev.baton.engine.JobDriver;
import dev.baton.engine.UserTaskHeaders;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.inspections.InspectionUtility;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commitment process on the in-memory engine, workers played by the test: every step re-reads the
 * commitment ({@code task_read_commitment}) and routes by the stage the read step returns.
 */
@InMemoryEngineTest
@SuppressWarnings("deprecation") // ZPT's assertions take the deprecated zeebe client types (see STACK.md)
class CommitmentProcessTests {

    static final long COMMITMENT = 7;

    ZeebeTestEngine engine;
    ZeebeClient client;
    JobDriver jobs;

    Instant dueAt;
    Instant reminderAt;

    @BeforeEach
    void deploy() {
        jobs = new JobDriver(engine, client);
        client.newDeployResourceCommand()
                .addResourceFromClasspath("bpmn/commitment.bpmn")
                .send()
                .join();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        dueAt = now.plus(Duration.ofDays(10));
        reminderAt = now.plus(Duration.ofDays(7));
    }

    @Test
    void offersAnUnownedCommitmentToItsDeliveringTeamAndAppliesTheChosenOwner() throws Exception {
        long instance = start();
        read("assign", "ownerUsername", null);

        ActivatedJob assign = jobs.userTask(CommitmentBpmn.TASK_ASSIGN_OWNER);
        assertThat(assign.getCustomHeaders()).containsEntry(UserTaskHeaders.CANDIDATE_GROUPS, "[\"implementation\"]");
        complete(assign, Map.of(Variables.DECISION, "assign", Variables.NEW_OWNER_USERNAME, "rita"));

        ActivatedJob apply = jobs.take(CommitmentBpmn.DECIDE_JOB_TYPE);
        assertThat(apply.getVariablesAsMap())
                .containsEntry(Variables.NEW_OWNER_USERNAME, "rita")
                .containsEntry("commitmentId", (int) COMMITMENT);
        complete(apply, Map.of());
        read("accept");

        assertThat(jobs.userTask(CommitmentBpmn.TASK_ACCEPT).getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rob");
        assertWaitingAt(instance, CommitmentBpmn.TASK_ACCEPT);
    }

    @Test
    void recordedTwiceForTheSameCommitmentStartsOneInstanceAsTheSweepRelies() throws Exception {
        start();
        start();

        jobs.take(CommitmentBpmn.READ_JOB_TYPE); // one instance, so one first step
    }

    @Test
    void acceptedCommitmentIsDeliveredThenVerifiedAndTheInstanceEnds() throws Exception {
        long instance = start();
        decide("accept", CommitmentBpmn.TASK_ACCEPT, "accept");
        ActivatedJob deliver = readAndTake("deliver", CommitmentBpmn.TASK_DELIVER);
        assertThat(UserTaskHeaders.instant(deliver.getCustomHeaders().get(UserTaskHeaders.DUE_DATE)))
                .isEqualTo(dueAt);
        assertThat(deliver.getCustomHeaders()).containsEntry(UserTaskHeaders.OWN_REMINDERS, "true");
        completeAndApply(deliver, "deliver");
        decide("verify", CommitmentBpmn.TASK_VERIFY, "verify");
        read("closed");

        engine.waitForIdleState(Duration.ofSeconds(10));
        assertThat(processInstance(instance))
                .hasPassedElement(CommitmentBpmn.END_CLOSED)
                .isCompleted();
    }

    @Test
    void rejectionGoesBackToWhoeverMadeThePromiseWhoRenegotiatesNewTerms() throws Exception {
        long instance = start();
        decide("accept", CommitmentBpmn.TASK_ACCEPT, "reject");
        ActivatedJob renegotiate = readAndTake("renegotiate", CommitmentBpmn.TASK_RENEGOTIATE);

        assertThat(renegotiate.getCustomHeaders()).containsEntry(UserTaskHeaders.ASSIGNEE, "maria");
        completeAndApply(renegotiate, "renegotiate");
        read("accept");
        assertWaitingAt(instance, CommitmentBpmn.TASK_ACCEPT);
    }

    @Test
    void rejectionThatTheMakerCancelsEndsTheInstance() throws Exception {
        long instance = start();
        decide("accept", CommitmentBpmn.TASK_ACCEPT, "reject");
        decide("renegotiate", CommitmentBpmn.TASK_RENEGOTIATE, "cancel");
        read("closed");

        engine.waitForIdleState(Duration.ofSeconds(10));
        assertThat(processInstance(instance)).isCompleted();
    }

    @Test
    void reopenedCommitmentGoesBackToItsOwnerForDelivery() throws Exception {
        long instance = start();
        decide("verify", CommitmentBpmn.TASK_VERIFY, "reopen");
        read("deliver");

        assertWaitingAt(instance, CommitmentBpmn.TASK_DELIVER);
        assertThat(jobs.userTask(CommitmentBpmn.TASK_DELIVER).getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rob");
    }

    @Test
    void remindsTheOwnerBeforeTheDueDateWhileDeliveryWaits() throws Exception {
        long instance = start();
        read("deliver");
        jobs.userTask(CommitmentBpmn.TASK_DELIVER);

        engine.increaseTime(Duration.ofDays(8));
        ActivatedJob reminder = jobs.take(CommitmentBpmn.REMIND_JOB_TYPE);
        assertThat(reminder.getVariablesAsMap()).containsEntry(Variables.OWNER_USERNAME, "rob");
        complete(reminder, Map.of());

        assertWaitingAt(instance, CommitmentBpmn.TASK_DELIVER);
        assertThat(processInstance(instance)).hasPassedElement(CommitmentBpmn.TASK_SEND_REMINDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reschedule", "reassign"})
    void escalatesAtTheDueDateToTheOwnersManagerWhoseDecisionSendsItBackToDelivery(String decision) throws Exception {
        long instance = start();
        ActivatedJob decide = escalate();
        completeAndApply(decide, decision);
        read(
                "deliver",
                Variables.OWNER_USERNAME,
                "rita",
                Variables.DUE_AT,
                dueAt.plus(Duration.ofDays(30)).toString());

        assertWaitingAt(instance, CommitmentBpmn.TASK_DELIVER);
        assertThat(jobs.userTask(CommitmentBpmn.TASK_DELIVER).getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rita");
    }

    @ParameterizedTest
    @ValueSource(strings = {CommitmentBpmn.TASK_DELIVER, CommitmentBpmn.TASK_ACCEPT})
    void escalatedCommitmentMarkedBreachedEndsTheInstanceWhetherUndeliveredOrUnaccepted(String waitingAt)
            throws Exception {
        long instance = start();
        boolean undelivered = waitingAt.equals(CommitmentBpmn.TASK_DELIVER);
        completeAndApply(undelivered ? escalate() : escalateUnaccepted(), "breach");
        read("closed");

        engine.waitForIdleState(Duration.ofSeconds(10));
        assertThat(processInstance(instance))
                .hasPassedElement(undelivered ? CommitmentBpmn.TIMER_DUE_DATE : CommitmentBpmn.TIMER_ACCEPT_DUE_DATE)
                .hasPassedElement(CommitmentBpmn.TASK_DECIDE_OVERDUE)
                .isCompleted();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reschedule", "reassign"})
    void escalatesAnUnacceptedCommitmentAtItsDueDateWhoseDecisionSendsItBackToAcceptance(String decision)
            throws Exception {
        long instance = start();
        ActivatedJob decide = escalateUnaccepted();
        completeAndApply(decide, decision);
        read(
                "accept",
                Variables.OWNER_USERNAME,
                "rita",
                Variables.DUE_AT,
                dueAt.plus(Duration.ofDays(30)).toString());

        ActivatedJob accept = jobs.userTask(CommitmentBpmn.TASK_ACCEPT);
        assertThat(accept.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rita")
                .containsEntry(UserTaskHeaders.OWN_REMINDERS, "true"); // the inbox must not escalate it a second time
        assertThat(UserTaskHeaders.instant(accept.getCustomHeaders().get(UserTaskHeaders.DUE_DATE)))
                .isEqualTo(dueAt.plus(Duration.ofDays(30)));
        assertWaitingAt(instance, CommitmentBpmn.TASK_ACCEPT);
    }

    @Test
    void ownerChangeMessageMovesDeliveryAndItsReminderToTheNewOwner() throws Exception {
        long instance = start();
        read("deliver");
        jobs.userTask(CommitmentBpmn.TASK_DELIVER);

        client.newPublishMessageCommand()
                .messageName(CommitmentBpmn.MESSAGE_CHANGED)
                .correlationKey(String.valueOf(COMMITMENT))
                .variables(Map.of(Variables.OWNER_USERNAME, "rita"))
                .send()
                .join();
        ActivatedJob reread = jobs.take(CommitmentBpmn.READ_JOB_TYPE);
        assertThat(reread.getVariablesAsMap()).containsEntry(Variables.OWNER_USERNAME, "rita");
        complete(reread, readVariables("deliver", Variables.OWNER_USERNAME, "rita"));
        assertThat(jobs.userTask(CommitmentBpmn.TASK_DELIVER).getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rita");

        engine.increaseTime(Duration.ofDays(8));
        assertThat(jobs.take(CommitmentBpmn.REMIND_JOB_TYPE).getVariablesAsMap())
                .containsEntry(Variables.OWNER_USERNAME, "rita");
        assertWaitingAt(instance, CommitmentBpmn.TASK_DELIVER);
    }

    @Test
    void ownerMissingMessageSendsDeliveryBackToTheTeamButNeverOpensASecondAssignTask() throws Exception {
        long instance = start();
        read("deliver");
        jobs.userTask(CommitmentBpmn.TASK_DELIVER);

        ownerMissing();
        read("assign", Variables.OWNER_USERNAME, null);
        ActivatedJob assign = jobs.userTask(CommitmentBpmn.TASK_ASSIGN_OWNER);
        ownerMissing();

        assertWaitingAt(instance, CommitmentBpmn.TASK_ASSIGN_OWNER);
        jobs.activate(CommitmentBpmn.READ_JOB_TYPE, 0);
        complete(assign, Map.of(Variables.DECISION, "assign", Variables.NEW_OWNER_USERNAME, "rita"));
        assertThat(jobs.take(CommitmentBpmn.DECIDE_JOB_TYPE).getVariablesAsMap())
                .containsEntry(Variables.NEW_OWNER_USERNAME, "rita");
    }

    @Test
    void ownerMissingWhileAwaitingAcceptanceSendsTheCommitmentToItsTeam() throws Exception {
        long instance = start();
        read("accept");
        jobs.userTask(CommitmentBpmn.TASK_ACCEPT);

        ownerMissing();
        read("assign", Variables.OWNER_USERNAME, null);
        assertThat(processInstance(instance)).hasPassedElement("boundary_accept_owner_missing");

        assertThat(jobs.userTask(CommitmentBpmn.TASK_ASSIGN_OWNER).getCustomHeaders())
                .containsEntry(UserTaskHeaders.CANDIDATE_GROUPS, "[\"implementation\"]");
        assertWaitingAt(instance, CommitmentBpmn.TASK_ASSIGN_OWNER);
    }

    @Test
    void ownerMissingWhileARejectionAwaitsRenegotiationSendsTheCommitmentToItsTeam() throws Exception {
        long instance = start();
        decide("accept", CommitmentBpmn.TASK_ACCEPT, "reject");
        readAndTake("renegotiate", CommitmentBpmn.TASK_RENEGOTIATE);

        ownerMissing();
        read("assign", Variables.OWNER_USERNAME, null);

        jobs.userTask(CommitmentBpmn.TASK_ASSIGN_OWNER);
        assertWaitingAt(instance, CommitmentBpmn.TASK_ASSIGN_OWNER);
        assertThat(processInstance(instance)).hasPassedElement("boundary_renegotiate_owner_missing");
    }

    @Test
    void ownerMissingWhileTheOverdueDecisionWaitsSendsTheCommitmentToItsTeam() throws Exception {
        long instance = start();
        escalate();

        ownerMissing();
        read("assign", Variables.OWNER_USERNAME, null);

        assertThat(jobs.userTask(CommitmentBpmn.TASK_ASSIGN_OWNER).getCustomHeaders())
                .containsEntry(UserTaskHeaders.CANDIDATE_GROUPS, "[\"implementation\"]");
        assertWaitingAt(instance, CommitmentBpmn.TASK_ASSIGN_OWNER);
        assertThat(processInstance(instance))
                .hasPassedElement("boundary_overdue_owner_missing")
                .isNotWaitingAtElements(CommitmentBpmn.TASK_DECIDE_OVERDUE);
    }

    @Test
    void refusedDecisionReadsTheCommitmentAgainAndOffersTheTaskAgain() throws Exception {
        long instance = start();
        read("accept");
        complete(jobs.userTask(CommitmentBpmn.TASK_ACCEPT), Map.of(Variables.DECISION, "reject"));
        client.newThrowErrorCommand(jobs.take(CommitmentBpmn.DECIDE_JOB_TYPE).getKey())
                .errorCode(CommitmentBpmn.ERROR_DECISION_REFUSED)
                .errorMessage("reason: required")
                .send()
                .join();
        read("accept");

        assertWaitingAt(instance, CommitmentBpmn.TASK_ACCEPT);
        assertThat(processInstance(instance)).hasNoIncidents();
    }

    // --- helpers: the test plays Baton's workers and people

    private long start() {
        client.newPublishMessageCommand()
                .messageName(CommitmentBpmn.MESSAGE_RECORDED)
                .correlationKey(String.valueOf(COMMITMENT))
                .variables(Map.of("commitmentId", COMMITMENT, "accountId", 42))
                .send()
                .join();
        idle();
        return InspectionUtility.findProcessInstances()
                .withBpmnProcessId(CommitmentBpmn.PROCESS_ID)
                .findLastProcessInstance()
                .orElseThrow()
                .getProcessInstanceKey();
    }

    private void ownerMissing() {
        client.newPublishMessageCommand()
                .messageName(CommitmentBpmn.MESSAGE_OWNER_MISSING)
                .correlationKey(String.valueOf(COMMITMENT))
                .timeToLive(Duration.ZERO)
                .send()
                .join();
    }

    private void read(String stage, Object... overrides) {
        complete(jobs.take(CommitmentBpmn.READ_JOB_TYPE), readVariables(stage, overrides));
    }

    private Map<String, Object> readVariables(String stage, Object... overrides) {
        Map<String, Object> v = new HashMap<>(Map.of(
                Variables.STAGE,
                stage,
                Variables.OWNER_USERNAME,
                "rob",
                Variables.MADE_BY_USERNAME,
                "maria",
                Variables.DELIVERING_TEAM,
                "implementation",
                Variables.ESCALATE_TO_USERNAME,
                "marcus",
                Variables.VERIFYING_TEAM,
                "customer-success",
                Variables.DUE_AT,
                dueAt.toString(),
                Variables.REMINDER_AT,
                reminderAt.toString(),
                Variables.VERSION,
                1));
        for (int i = 0; i < overrides.length; i += 2) {
            v.put((String) overrides[i], overrides[i + 1]);
        }
        v.put(Variables.DECISION, null);
        return v;
    }

    private ActivatedJob readAndTake(String stage, String task) {
        read(stage);
        return jobs.userTask(task);
    }

    private void decide(String stage, String task, String decision) {
        completeAndApply(readAndTake(stage, task), decision);
    }

    private void completeAndApply(ActivatedJob task, String decision) {
        complete(task, Map.of(Variables.DECISION, decision));
        ActivatedJob apply = jobs.take(CommitmentBpmn.DECIDE_JOB_TYPE);
        assertThat(apply.getVariablesAsMap()).containsEntry(Variables.DECISION, decision);
        complete(apply, Map.of());
    }

    private ActivatedJob escalate() {
        read("deliver");
        jobs.userTask(CommitmentBpmn.TASK_DELIVER);
        engine.increaseTime(Duration.ofDays(11));
        complete(jobs.take(CommitmentBpmn.REMIND_JOB_TYPE), Map.of());
        return decideOverdueTask();
    }

    /** Nobody accepts it: no reminder, but at the due date the same escalation as for delivery. */
    private ActivatedJob escalateUnaccepted() {
        read("accept");
        jobs.userTask(CommitmentBpmn.TASK_ACCEPT);
        engine.increaseTime(Duration.ofDays(11));
        jobs.activate(CommitmentBpmn.REMIND_JOB_TYPE, 0);
        return decideOverdueTask();
    }

    private ActivatedJob decideOverdueTask() {
        complete(jobs.take(CommitmentBpmn.ESCALATE_JOB_TYPE), Map.of());
        ActivatedJob decide = jobs.userTask(CommitmentBpmn.TASK_DECIDE_OVERDUE);
        assertThat(decide.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "marcus")
                .containsEntry(UserTaskHeaders.FORM_KEY, "commitment-overdue");
        return decide;
    }

    private void complete(ActivatedJob job, Map<String, Object> variables) {
        client.newCompleteCommand(job).variables(variables).send().join();
    }

    private void assertWaitingAt(long instance, String elementId) throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(10));
        assertThat(processInstance(instance)).isWaitingAtElements(elementId);
    }

    private static InspectedProcessInstance processInstance(long key) {
        return new InspectedProcessInstance(key);
    }

    private void idle() {
        try {
            engine.waitForIdleState(Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
