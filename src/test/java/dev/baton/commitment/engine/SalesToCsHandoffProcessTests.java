package dev.baton.commitment.engine;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.commitment.engine.HandoffBpmn.Variables;
import dev.baton.engine.InMemoryEngineTest;
import dev.baton.engine.JobDriver;
import dev.baton.engine.UserTaskHeaders;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sales-to-CS handoff on the in-memory engine, workers played by the test. */
@InMemoryEngineTest
@SuppressWarnings("deprecation") // ZPT's assertions take the deprecated zeebe client types (see STACK.md)
class SalesToCsHandoffProcessTests {

    ZeebeTestEngine engine;
    ZeebeClient client;
    JobDriver jobs;

    @BeforeEach
    void deploy() {
        jobs = new JobDriver(engine, client);
        client.newDeployResourceCommand()
                .addResourceFromClasspath("bpmn/sales-to-cs-handoff.bpmn")
                .send()
                .join();
    }

    @Test
    void repMustConfirmTheListIsCompleteBeforeTeamsAreAsked() throws Exception {
        ProcessInstanceEvent instance = start();
        ActivatedJob list = jobs.userTask(HandoffBpmn.TASK_LIST_COMMITMENTS);
        assertThat(list.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rob")
                .containsEntry(UserTaskHeaders.FORM_KEY, "handoff-list-commitments");

        complete(list, Map.of(Variables.LIST_COMPLETE, false));

        jobs.userTask(HandoffBpmn.TASK_LIST_COMMITMENTS);
        assertThat(instance)
                .isWaitingAtElements(HandoffBpmn.TASK_LIST_COMMITMENTS)
                .hasNotPassedElement(HandoffBpmn.TASK_COLLECT);
    }

    @Test
    void waitsForEveryCommitmentToBeAcceptedLookingAgainLaterThenKickoffAndCsOwner() throws Exception {
        ProcessInstanceEvent instance = start();
        complete(jobs.userTask(HandoffBpmn.TASK_LIST_COMMITMENTS), Map.of(Variables.LIST_COMPLETE, true));
        complete(jobs.take(HandoffBpmn.COLLECT_JOB_TYPE), Map.of(Variables.COMMITMENT_IDS, List.of(11, 12)));

        List<ActivatedJob> checks = jobs.activate(HandoffBpmn.CHECK_JOB_TYPE, 2);
        assertThat(checks)
                .extracting(j -> j.getVariablesAsMap().get("commitmentId"))
                .containsExactlyInAnyOrder(11, 12);
        for (ActivatedJob check : checks) {
            // 11 accepted already; 12 rejected, back with the rep in its own commitment process
            complete(
                    check,
                    Map.of(
                            Variables.SETTLED,
                            check.getVariablesAsMap().get("commitmentId").equals(11)));
        }
        engine.waitForIdleState(Duration.ofSeconds(10));
        assertThat(instance).isWaitingAtElements(HandoffBpmn.TIMER_RECHECK);

        engine.increaseTime(Duration.ofHours(2));
        ActivatedJob again = jobs.take(HandoffBpmn.CHECK_JOB_TYPE);
        assertThat(again.getVariablesAsMap()).containsEntry("commitmentId", 12);
        complete(again, Map.of(Variables.SETTLED, true));

        ActivatedJob kickoff = jobs.userTask(HandoffBpmn.TASK_KICKOFF);
        assertThat(kickoff.getCustomHeaders())
                .containsEntry(UserTaskHeaders.CANDIDATE_GROUPS, "[\"customer-success\"]");
        complete(kickoff, Map.of(Variables.CS_OWNER_USERNAME, "cora"));
        ActivatedJob assign = jobs.take(HandoffBpmn.ASSIGN_CS_OWNER_JOB_TYPE);
        assertThat(assign.getVariablesAsMap())
                .containsEntry(Variables.CS_OWNER_USERNAME, "cora")
                .containsEntry(Variables.REP_USERNAME, "rob")
                .containsEntry("accountId", 42);
        complete(assign, Map.of());

        engine.waitForIdleState(Duration.ofSeconds(10));
        assertThat(instance).hasPassedElement(HandoffBpmn.END).isCompleted();
    }

    @Test
    void goesStraightToKickoffWhenNoCommitmentWasMade() throws Exception {
        ProcessInstanceEvent instance = start();
        complete(jobs.userTask(HandoffBpmn.TASK_LIST_COMMITMENTS), Map.of(Variables.LIST_COMPLETE, true));
        complete(jobs.take(HandoffBpmn.COLLECT_JOB_TYPE), Map.of(Variables.COMMITMENT_IDS, List.of()));

        jobs.userTask(HandoffBpmn.TASK_KICKOFF);
        assertThat(instance).isWaitingAtElements(HandoffBpmn.TASK_KICKOFF);
    }

    private ProcessInstanceEvent start() {
        return client.newCreateInstanceCommand()
                .bpmnProcessId(HandoffBpmn.PROCESS_ID)
                .latestVersion()
                .variables(Map.of(
                        "accountId",
                        42,
                        Variables.REP_USERNAME,
                        "rob",
                        Variables.CS_TEAM,
                        "customer-success",
                        Variables.RECHECK_EVERY,
                        "PT1H"))
                .send()
                .join();
    }

    private void complete(ActivatedJob job, Map<String, Object> variables) {
        client.newCompleteCommand(job).variables(variables).send().join();
    }
}
