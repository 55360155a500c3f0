package dev.baton.handover.engine;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.InMemoryEngineTest;
import dev.baton.engine.JobDriver;
import dev.baton.engine.UserTaskHeaders;
import dev.baton.handover.engine.HandoverBpmn.Jobs;
import dev.baton.handover.engine.HandoverBpmn.Rep;
import dev.baton.handover.engine.HandoverBpmn.Vars;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.PublishMessageResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.process.test.filters.StreamFilter;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * rep-handover on the in-memory engine. Each account's handover is a stand-in process with the
 * same id (one job per account), so this class tests the book-level flow only; the per-account
 * flow has its own class.
 */
@InMemoryEngineTest
@SuppressWarnings("deprecation") // ZPT's assertions take the deprecated zeebe client types (see STACK.md)
class RepHandoverProcessTests {

    static final String ACCOUNT_STAND_IN_JOB = "test-account-handover";
    /** A handover launched for today, whose effective date has begun: nothing waits for it. */
    static final Instant PAST_EFFECTIVE_DATE = Instant.now().minus(Duration.ofHours(1));

    ZeebeTestEngine engine;
    ZeebeClient client;
    JobDriver jobs;

    @BeforeEach
    void deploy() {
        jobs = new JobDriver(engine, client);
        client.newDeployResourceCommand()
                .addProcessModel(
                        Bpmn.createExecutableProcess(HandoverBpmn.Account.PROCESS_ID)
                                .startEvent()
                                .serviceTask("task_stand_in", t -> t.zeebeJobType(ACCOUNT_STAND_IN_JOB))
                                .endEvent()
                                .done(),
                        "stand-in.bpmn")
                .addResourceFromClasspath("bpmn/rep-handover.bpmn")
                .addResourceFromClasspath("bpmn/forms/handover-resolve-orphans.form")
                .addResourceFromClasspath("bpmn/forms/handover-after-leave.form")
                .send()
                .join();
    }

    @Test
    void startsOneProcessPerHandoverHoweverOftenTheStartIsSent() throws Exception {
        ProcessInstanceAssert instance = start(List.of(11), null);
        // Baton sends the start again when it cannot tell whether the first one arrived
        publishStart(List.of(11), null);
        publishStart(List.of(11), null);
        engine.waitForIdleState(JobDriver.IDLE);

        long handoverInstances = StreamFilter.processInstance(RecordStream.of(engine.getRecordStreamSource()))
                .withBpmnProcessId(Rep.PROCESS_ID)
                .withBpmnElementType(BpmnElementType.PROCESS)
                .withIntent(ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .stream()
                .count();
        assertThat(handoverInstances).isEqualTo(1);
        instance.hasPassedElement(Rep.TASK_RECORD_START).isWaitingAtElements(Rep.CALL_ACCOUNT_HANDOVERS);
        jobs.activate(Jobs.RECORD_START, 0); // no second record-start
    }

    @Test
    void handsOverEveryAccountWithOnlyItsIdsThenSummarises() throws Exception {
        // the effective date is days away: with accounts, the check follows them, not the date
        ProcessInstanceAssert instance = start(List.of(11, 12), Instant.now().plus(Duration.ofDays(5)), null);

        List<ActivatedJob> accounts = jobs.activate(ACCOUNT_STAND_IN_JOB, 2);
        assertThat(accounts)
                .extracting(j -> j.getVariablesAsMap().get(Vars.ITEM_ID))
                .containsExactlyInAnyOrder(11, 12);
        // nothing of the parent's (not the whole list of items) is copied into each account's instance
        assertThat(accounts)
                .allSatisfy(j -> assertThat(j.getVariablesAsMap()).containsOnlyKeys(Vars.ITEM_ID, "loopCounter"));
        for (ActivatedJob account : accounts) {
            client.newCompleteCommand(account)
                    .variables(Map.of("noteSecret", "stays in the child"))
                    .send()
                    .join();
        }
        assertThat(jobs.complete(Jobs.CHECK_ORPHANS, Map.of(Vars.ORPHANS, 0)).getVariablesAsMap())
                .containsEntry(Vars.HANDOVER_ID, 5)
                .doesNotContainKey("noteSecret");
        jobs.complete(Jobs.SEND_SUMMARY, Map.of());
        engine.waitForIdleState(JobDriver.IDLE);

        // the call activity completes once per account and once for its multi-instance body
        instance.hasPassedElement(Rep.CALL_ACCOUNT_HANDOVERS, 3)
                .hasPassedElementsInOrder(Rep.TASK_CHECK_ORPHANS, Rep.TASK_SEND_SUMMARY, Rep.END)
                .hasNotPassedElement(Rep.TASK_RESOLVE_ORPHANS)
                .hasNotPassedElement(Rep.TIMER_EFFECTIVE_DATE)
                .isCompleted();
    }

    /**
     * A book of no account (customer success: open commitments and tasks only) was checked at once, and
     * the manager handed "Resolve orphaned work" listing what the person still does, days before their
     * last day (probe 45). The check waits for the effective date.
     */
    @Test
    void checksABookOfNoAccountOnTheEffectiveDateNotAtOnce() throws Exception {
        ProcessInstanceAssert instance = start(List.of(), Instant.now().plus(Duration.ofDays(5)), null);
        engine.waitForIdleState(JobDriver.IDLE);

        instance.hasPassedElement(Rep.GATEWAY_ANY_ACCOUNTS)
                .hasNotPassedElement(Rep.CALL_ACCOUNT_HANDOVERS)
                .isWaitingAtElements(Rep.TIMER_EFFECTIVE_DATE);
        jobs.activate(Jobs.CHECK_ORPHANS, 0);

        jobs.passTime(Duration.ofDays(6));
        jobs.complete(Jobs.CHECK_ORPHANS, Map.of(Vars.ORPHANS, 0));
        jobs.complete(Jobs.SEND_SUMMARY, Map.of());
        engine.waitForIdleState(JobDriver.IDLE);
        instance.hasPassedElementsInOrder(Rep.TIMER_EFFECTIVE_DATE, Rep.TASK_CHECK_ORPHANS, Rep.TASK_SEND_SUMMARY)
                .isCompleted();
    }

    @Test
    void asksTheManagerToResolveLeftoversUntilTheCheckIsClean() throws Exception {
        ProcessInstanceAssert instance = start(List.of(), null);

        jobs.complete(Jobs.CHECK_ORPHANS, Map.of(Vars.ORPHANS, 2));
        ActivatedJob resolve = jobs.userTask(Rep.TASK_RESOLVE_ORPHANS);
        assertThat(resolve.getCustomHeaders()).containsEntry(UserTaskHeaders.ASSIGNEE, "maria");
        client.newCompleteCommand(resolve)
                .variables(Map.of("resolution", "moved the late deal to rob"))
                .send()
                .join();
        jobs.complete(Jobs.CHECK_ORPHANS, Map.of(Vars.ORPHANS, 0));
        jobs.complete(Jobs.SEND_SUMMARY, Map.of());
        engine.waitForIdleState(JobDriver.IDLE);

        instance.hasPassedElementsInOrder(
                        Rep.TASK_CHECK_ORPHANS, Rep.TASK_RESOLVE_ORPHANS, Rep.TASK_CHECK_ORPHANS, Rep.TASK_SEND_SUMMARY)
                .isCompleted();
    }

    @Test
    void givesTheBookBackWhenTheManagerSaysSoAtTheEndOfALeave() throws Exception {
        assertThat(afterLeave("return")).containsEntry(Vars.OWNERSHIP_AFTER_LEAVE, "return");
    }

    @Test
    void letsTheSuccessorsKeepTheBookWhenTheManagerSaysSoAtTheEndOfALeave() throws Exception {
        assertThat(afterLeave("keep")).containsEntry(Vars.OWNERSHIP_AFTER_LEAVE, "keep");
    }

    /** Runs a leave of absence to its end date; returns what the settle worker is given. */
    private Map<String, Object> afterLeave(String decision) throws Exception {
        ProcessInstanceAssert instance = start(List.of(), Instant.now().plus(Duration.ofDays(30)));
        jobs.complete(Jobs.CHECK_ORPHANS, Map.of(Vars.ORPHANS, 0));
        jobs.complete(Jobs.SEND_SUMMARY, Map.of());
        engine.waitForIdleState(JobDriver.IDLE);
        instance.isWaitingAtElements(Rep.TIMER_LEAVE_ENDS);

        jobs.passTime(Duration.ofDays(31));
        jobs.completeUserTask(Rep.TASK_DECIDE_AFTER_LEAVE, Map.of(Vars.OWNERSHIP_AFTER_LEAVE, decision));
        ActivatedJob settle = jobs.complete(Jobs.SETTLE_LEAVE, Map.of());
        engine.waitForIdleState(JobDriver.IDLE);

        instance.hasPassedElementsInOrder(
                        Rep.TASK_SEND_SUMMARY, Rep.TIMER_LEAVE_ENDS, Rep.TASK_DECIDE_AFTER_LEAVE, Rep.TASK_SETTLE_LEAVE)
                .hasNotPassedElement(Rep.END)
                .isCompleted();
        return settle.getVariablesAsMap();
    }

    /** Launches as Baton does (the start message for handover 5), then plays the record-start worker. */
    private ProcessInstanceAssert start(List<Integer> itemIds, Instant leaveEndsAt) throws Exception {
        return start(itemIds, PAST_EFFECTIVE_DATE, leaveEndsAt);
    }

    private ProcessInstanceAssert start(List<Integer> itemIds, Instant effectiveAt, Instant leaveEndsAt)
            throws Exception {
        PublishMessageResponse launched = publishStart(itemIds, effectiveAt, leaveEndsAt);
        ActivatedJob recordStart = jobs.complete(Jobs.RECORD_START, Map.of());
        assertThat(recordStart.getVariablesAsMap()).containsEntry(Vars.HANDOVER_ID, 5);
        return assertThat(launched).extractingProcessInstance();
    }

    private PublishMessageResponse publishStart(List<Integer> itemIds, Instant leaveEndsAt) {
        return publishStart(itemIds, PAST_EFFECTIVE_DATE, leaveEndsAt);
    }

    private PublishMessageResponse publishStart(List<Integer> itemIds, Instant effectiveAt, Instant leaveEndsAt) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                Vars.HANDOVER_ID,
                5,
                Vars.ITEM_IDS,
                new ArrayList<>(itemIds),
                Vars.MANAGER,
                "maria",
                Vars.DEPARTING,
                "rita",
                Vars.TEMPORARY,
                leaveEndsAt != null,
                Vars.EFFECTIVE_AT,
                effectiveAt.toString()));
        if (leaveEndsAt != null) {
            variables.put(Vars.LEAVE_ENDS_AT, leaveEndsAt.toString());
        }
        return client.newPublishMessageCommand()
                .messageName(Rep.MESSAGE_LAUNCHED)
                .correlationKey("5")
                .timeToLive(Duration.ZERO)
                .variables(variables)
                .send()
                .join();
    }
}
