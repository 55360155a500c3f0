package dev.baton.commitment.engine;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.commitment.engine.HandoffBpmn.Variables;
import dev.baton.engine.Bpmn;
import dev.baton.engine.UserTaskHeaders;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sales-to-CS handoff on the in-memory engine, workers played by the test. */
@ZeebeProcessTest
@SuppressWarnings("deprecation") // ZPT's assertions take the deprecated zeebe client types (see STACK.md)
class SalesToCsHandoffProcessTests {

    ZeebeTestEngine engine;
    ZeebeClient client;

    @BeforeEach
    void deploy() {
        client.newDeployResourceCommand()
                .addResourceFromClasspath("bpmn/sales-to-cs-handoff.bpmn")
                .send()
                .join();
    }

    @Test
    void repMustConfirmTheListIsCompleteBeforeTeamsAreAsked() throws Exception {
        ProcessInstanceEvent instance = start();
        ActivatedJob list = userTask(HandoffBpmn.TASK_LIST_COMMITMENTS);
        assertThat(list.getCustomHeaders())
                .containsEntry(UserTaskHeaders.ASSIGNEE, "rob")
                .containsEntry(UserTaskHeaders.FORM_KEY, "handoff-list-commitments");

        complete(list, Map.of(Variables.LIST_COMPLETE, false));

        userTask(HandoffBpmn.TASK_LIST_COMMITMENTS);
        assertThat(instance)
                .isWaitingAtElements(HandoffBpmn.TASK_LIST_COMMITMENTS)
                .hasNotPassedElement(HandoffBpmn.TASK_COLLECT);
    }

    @Test
    void waitsForEveryCommitmentToBeAcceptedLookingAgainLaterThenKickoffAndCsOwner() throws Exception {
        ProcessInstanceEvent instance = start();
        complete(userTask(HandoffBpmn.TASK_LIST_COMMITMENTS), Map.of(Variables.LIST_COMPLETE, true));
        complete(activateOne(HandoffBpmn.COLLECT_JOB_TYPE), Map.of(Variables.COMMITMENT_IDS, List.of(11, 12)));

        List<ActivatedJob> checks = activate(HandoffBpmn.CHECK_JOB_TYPE, 2);
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
        ActivatedJob again = activateOne(HandoffBpmn.CHECK_JOB_TYPE);
        assertThat(again.getVariablesAsMap()).containsEntry("commitmentId", 12);
        complete(again, Map.of(Variables.SETTLED, true));

        ActivatedJob kickoff = userTask(HandoffBpmn.TASK_KICKOFF);
        assertThat(kickoff.getCustomHeaders())
                .containsEntry(UserTaskHeaders.CANDIDATE_GROUPS, "[\"customer-success\"]");
        complete(kickoff, Map.of(Variables.CS_OWNER_USERNAME, "cora"));
        ActivatedJob assign = activateOne(HandoffBpmn.ASSIGN_CS_OWNER_JOB_TYPE);
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
        complete(userTask(HandoffBpmn.TASK_LIST_COMMITMENTS), Map.of(Variables.LIST_COMPLETE, true));
        complete(activateOne(HandoffBpmn.COLLECT_JOB_TYPE), Map.of(Variables.COMMITMENT_IDS, List.of()));

        userTask(HandoffBpmn.TASK_KICKOFF);
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

    private ActivatedJob userTask(String elementId) throws Exception {
        ActivatedJob job = activateOne(Bpmn.USER_TASK_JOB_TYPE);
        assertThat(job.getElementId()).isEqualTo(elementId);
        return job;
    }

    private void complete(ActivatedJob job, Map<String, Object> variables) {
        client.newCompleteCommand(job).variables(variables).send().join();
    }

    private ActivatedJob activateOne(String type) throws Exception {
        return activate(type, 1).get(0);
    }

    /**
     * The jobs of {@code type}, asked for until {@code expected} came or 10 s passed: the engine can
     * report itself idle before it has taken up the command just sent (a job activated right after
     * the instance's creation once came back empty), so one activation after the idle wait may be
     * too early. More jobs than expected still fail the assertion.
     */
    private List<ActivatedJob> activate(String type, int expected) throws Exception {
        engine.waitForIdleState(Duration.ofSeconds(10));
        List<ActivatedJob> jobs = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(10);
        while (true) {
            jobs.addAll(client.newActivateJobsCommand()
                    .jobType(type)
                    .maxJobsToActivate(10)
                    .timeout(Duration.ofMinutes(1))
                    .send()
                    .join()
                    .getJobs());
            if (jobs.size() >= expected || Instant.now().isAfter(until)) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(jobs).as("jobs of type %s", type).hasSize(expected);
        return jobs;
    }
}
