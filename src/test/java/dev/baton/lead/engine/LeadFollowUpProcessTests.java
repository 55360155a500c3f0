package dev.baton.lead.engine;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.InMemoryEngineTest;
import dev.baton.engine.JobDriver;
import dev.baton.engine.UserTaskHeaders;
import dev.baton.lead.engine.LeadBpmn.Variables;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.inspections.InspectionUtility;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * lead-follow-up on the in-memory engine, Baton's workers played by the test: the assignment's
 * timers (reminder, escalation at the SLA, reassignment), the loop back to assignment, and every
 * outcome, at the first touch and after working the lead.
 */
@InMemoryEngineTest
@SuppressWarnings("deprecation") // ZPT's assertions take the deprecated zeebe client types (see STACK.md)
class LeadFollowUpProcessTests {

    static final long LEAD = 42;

    ZeebeTestEngine engine;
    ZeebeClient client;
    JobDriver jobs;

    @BeforeEach
    void deploy() {
        jobs = new JobDriver(engine, client);
        jobs.deploy("bpmn/lead-follow-up.bpmn", "bpmn/forms/lead-first-touch.form", "bpmn/forms/lead-outcome.form");
    }

    @Test
    void assignsTheLeadAndAsksItsOwnerForTheFirstTouchAboutTheLead() throws Exception {
        long instance = start();
        ActivatedJob assign = jobs.take(LeadBpmn.ASSIGN_JOB_TYPE);
        assertThat(assign.getVariablesAsMap())
                .containsEntry(Variables.LEAD_ID, (int) LEAD)
                .containsEntry(Variables.ROUND, 0);
        client.newCompleteCommand(assign).variables(assigned("rob", 1)).send().join();

        ActivatedJob touch = jobs.userTask(LeadBpmn.TASK_FIRST_TOUCH);
        assertThat(touch.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rob")
                .containsEntry(UserTaskHeaders.SUBJECT_TYPE, "lead")
                .containsEntry(UserTaskHeaders.FORM_KEY, "lead-first-touch")
                .containsEntry(UserTaskHeaders.DUE_DATE, "2030-01-31T17:00Z");
        assertThat(touch.getVariablesAsMap()).containsEntry("subjectId", (int) LEAD);
        assertThat(instance).isPositive();
    }

    @Test
    void startedTwiceForOneLeadRunsOneInstanceSoARedeliveredEventStartsNothingMore() throws Exception {
        start();
        start();

        jobs.take(LeadBpmn.ASSIGN_JOB_TYPE); // exactly one instance waits at the assignment
    }

    @ParameterizedTest
    @ValueSource(strings = {"meeting_booked", "disqualified", "recycled"})
    void anOutcomeChosenAtTheFirstTouchIsRecordedAndEndsThere(String outcome) throws Exception {
        long instance = startAssigned("rob");
        jobs.completeUserTask(LeadBpmn.TASK_FIRST_TOUCH, Map.of(Variables.OUTCOME, outcome));

        ActivatedJob record = jobs.take(LeadBpmn.RECORD_OUTCOME_JOB_TYPE);
        assertThat(record.getVariablesAsMap()).containsEntry(Variables.OUTCOME, outcome);
        client.newCompleteCommand(record).send().join();

        engine.waitForIdleState(JobDriver.IDLE);
        assertThat(inspect(instance))
                .isCompleted()
                .hasPassedElement(endFor(outcome))
                .hasNotPassedElement(LeadBpmn.TASK_WORK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"meeting_booked", "disqualified", "recycled"})
    void aContactedLeadIsWorkedUntilItsOutcomeIsRecorded(String outcome) throws Exception {
        long instance = startAssigned("rob");
        jobs.completeUserTask(LeadBpmn.TASK_FIRST_TOUCH, Map.of(Variables.OUTCOME, "contacted"));

        ActivatedJob work = jobs.userTask(LeadBpmn.TASK_WORK);
        assertThat(work.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rob")
                .containsEntry(UserTaskHeaders.FORM_KEY, "lead-outcome")
                .containsEntry(UserTaskHeaders.SUBJECT_TYPE, "lead");
        client.newCompleteCommand(work)
                .variables(Map.of(Variables.OUTCOME, outcome))
                .send()
                .join();
        jobs.complete(LeadBpmn.RECORD_OUTCOME_JOB_TYPE, Map.of());

        engine.waitForIdleState(JobDriver.IDLE);
        assertThat(inspect(instance))
                .isCompleted()
                .hasPassedElement(LeadBpmn.TASK_WORK)
                .hasPassedElement(endFor(outcome));
    }

    @Test
    void remindsTheOwnerBeforeTheSlaWithoutTakingTheStepAway() throws Exception {
        long instance = startAssigned("rob");
        jobs.passTime(Duration.ofMinutes(46));

        ActivatedJob remind = jobs.take(LeadBpmn.REMIND_JOB_TYPE);
        assertThat(remind.getVariablesAsMap()).containsEntry(Variables.ROUND, 1);
        client.newCompleteCommand(remind).send().join();

        engine.waitForIdleState(JobDriver.IDLE);
        assertThat(inspect(instance))
                .hasPassedElement(LeadBpmn.TASK_REMIND)
                .hasNotPassedElement(LeadBpmn.TASK_ESCALATE)
                .isWaitingAtElements(LeadBpmn.TASK_FIRST_TOUCH);
    }

    @Test
    void escalatesToTheManagerAtTheSlaAndTheOwnerCanStillTouchTheLead() throws Exception {
        long instance = startAssigned("rob");
        jobs.passTime(Duration.ofMinutes(46));
        jobs.complete(LeadBpmn.REMIND_JOB_TYPE, Map.of());
        jobs.passTime(Duration.ofMinutes(15));

        jobs.complete(LeadBpmn.ESCALATE_JOB_TYPE, Map.of());
        engine.waitForIdleState(JobDriver.IDLE);
        assertThat(inspect(instance))
                .hasPassedElement(LeadBpmn.TASK_ESCALATE)
                .isWaitingAtElements(LeadBpmn.TASK_FIRST_TOUCH);

        jobs.completeUserTask(LeadBpmn.TASK_FIRST_TOUCH, Map.of(Variables.OUTCOME, "recycled"));
        jobs.complete(LeadBpmn.RECORD_OUTCOME_JOB_TYPE, Map.of());
        engine.waitForIdleState(JobDriver.IDLE);
        assertThat(inspect(instance)).isCompleted().hasNotPassedElement(LeadBpmn.TIMER_REASSIGN);
    }

    @Test
    void anUntouchedLeadGoesBackToAssignmentForTheNextRepAndTheLoopRunsAgain() throws Exception {
        long instance = startAssigned("rob");
        jobs.passTime(Duration.ofMinutes(46));
        jobs.complete(LeadBpmn.REMIND_JOB_TYPE, Map.of());
        jobs.passTime(Duration.ofMinutes(15));
        jobs.complete(LeadBpmn.ESCALATE_JOB_TYPE, Map.of());
        jobs.passTime(Duration.ofMinutes(61));

        ActivatedJob reassign = jobs.take(LeadBpmn.ASSIGN_JOB_TYPE);
        assertThat(reassign.getVariablesAsMap()).containsEntry(Variables.ROUND, 1);
        client.newCompleteCommand(reassign)
                .variables(assigned("rita", 2))
                .send()
                .join();
        ActivatedJob touch = jobs.userTask(LeadBpmn.TASK_FIRST_TOUCH);
        assertThat(touch.getCustomHeaders()).containsEntry(UserTaskHeaders.ASSIGNEE, "rita");

        // the new owner's reminder belongs to the new assignment
        jobs.passTime(Duration.ofMinutes(46));
        assertThat(jobs.take(LeadBpmn.REMIND_JOB_TYPE).getVariablesAsMap()).containsEntry(Variables.ROUND, 2);

        engine.waitForIdleState(JobDriver.IDLE);
        assertThat(inspect(instance))
                .hasPassedElement(LeadBpmn.TIMER_REASSIGN)
                .isWaitingAtElements(LeadBpmn.TASK_FIRST_TOUCH);
    }

    @Test
    void anUntouchedLeadMovedByAHandoverGoesBackToAssignmentWithTheRoundBeforeTheMoveAndItsClockRestarts()
            throws Exception {
        long instance = startAssigned("rob");
        jobs.passTime(Duration.ofMinutes(30)); // rob's reminder is due in 15 minutes

        // Baton made assignment 2 (to rita) and tells the process
        ownerChanged(2);
        ActivatedJob assign = jobs.take(LeadBpmn.ASSIGN_JOB_TYPE);
        assertThat(assign.getVariablesAsMap()).containsEntry(Variables.ROUND, 1);
        client.newCompleteCommand(assign).variables(assigned("rita", 2)).send().join();

        ActivatedJob touch = jobs.userTask(LeadBpmn.TASK_FIRST_TOUCH);
        assertThat(touch.getCustomHeaders()).containsEntry(UserTaskHeaders.ASSIGNEE, "rita");
        // rob's timers went with his step: the only reminder is rita's, 45 minutes after her assignment
        jobs.passTime(Duration.ofMinutes(30));
        engine.waitForIdleState(JobDriver.IDLE);
        assertThat(inspect(instance)).hasNotPassedElement(LeadBpmn.TASK_REMIND);
        jobs.passTime(Duration.ofMinutes(16));
        assertThat(jobs.take(LeadBpmn.REMIND_JOB_TYPE).getVariablesAsMap()).containsEntry(Variables.ROUND, 2);

        engine.waitForIdleState(JobDriver.IDLE);
        assertThat(inspect(instance))
                .hasPassedElement(LeadBpmn.BOUNDARY_OWNER_CHANGED)
                .hasNotPassedElement(LeadBpmn.TIMER_REASSIGN)
                .isWaitingAtElements(LeadBpmn.TASK_FIRST_TOUCH);
    }

    @Test
    void anOwnerChangeOfALeadAlreadyBeingWorkedIsDroppedAndTheWorkGoesOn() throws Exception {
        long instance = startAssigned("rob");
        jobs.completeUserTask(LeadBpmn.TASK_FIRST_TOUCH, Map.of(Variables.OUTCOME, "contacted"));
        jobs.userTask(LeadBpmn.TASK_WORK);

        ownerChanged(2);

        engine.waitForIdleState(JobDriver.IDLE);
        assertThat(inspect(instance))
                .hasNotPassedElement(LeadBpmn.BOUNDARY_OWNER_CHANGED)
                .isWaitingAtElements(LeadBpmn.TASK_WORK);
    }

    private void ownerChanged(int round) throws Exception {
        client.newPublishMessageCommand()
                .messageName(LeadBpmn.MESSAGE_OWNER_CHANGED)
                .correlationKey(String.valueOf(LEAD))
                .timeToLive(Duration.ZERO)
                .variables(Map.of(Variables.ROUND, round - 1))
                .send()
                .join();
        engine.waitForIdleState(JobDriver.IDLE);
    }

    private static String endFor(String outcome) {
        return switch (outcome) {
            case "meeting_booked" -> LeadBpmn.END_MEETING_BOOKED;
            case "disqualified" -> LeadBpmn.END_DISQUALIFIED;
            default -> LeadBpmn.END_RECYCLED;
        };
    }

    /** Started and assigned: reminder in 45 minutes, SLA in an hour, reassignment an hour after that. */
    private long startAssigned(String owner) throws Exception {
        long instance = start();
        jobs.complete(LeadBpmn.ASSIGN_JOB_TYPE, assigned(owner, 1));
        engine.waitForIdleState(JobDriver.IDLE);
        return instance;
    }

    private static Map<String, Object> assigned(String owner, int round) {
        return Map.of(
                Variables.OWNER_USERNAME, owner,
                Variables.MANAGER_USERNAME, "maria",
                Variables.ROUND, round,
                Variables.REMIND_IN, "PT45M",
                Variables.SLA_IN, "PT1H",
                Variables.REASSIGN_IN, "PT2H",
                Variables.FIRST_TOUCH_DUE_AT, "2030-01-31T17:00:00Z");
    }

    private long start() {
        client.newPublishMessageCommand()
                .messageName(LeadBpmn.MESSAGE_CREATED)
                .correlationKey(String.valueOf(LEAD))
                .timeToLive(Duration.ZERO)
                .variables(Map.of(Variables.LEAD_ID, LEAD, Variables.ROUND, 0))
                .send()
                .join();
        try {
            engine.waitForIdleState(JobDriver.IDLE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return InspectionUtility.findProcessInstances()
                .findLastProcessInstance()
                .map(InspectedProcessInstance::getProcessInstanceKey)
                .orElseThrow();
    }

    private static InspectedProcessInstance inspect(long instance) {
        return new InspectedProcessInstance(instance);
    }
}
