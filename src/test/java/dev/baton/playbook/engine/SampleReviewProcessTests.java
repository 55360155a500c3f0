package dev.baton.playbook.engine;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.Bpmn;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.InMemoryEngineTest;
import dev.baton.engine.JobDriver;
import dev.baton.engine.UserTaskHeaders;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample-review playbook on the in-memory engine, without Baton: the model's own behaviour. */
@InMemoryEngineTest
@SuppressWarnings("deprecation") // ZPT's assertions take the deprecated zeebe client types (see STACK.md)
class SampleReviewProcessTests {

    static final Instant DUE = Instant.parse("2026-12-01T09:00:00Z");

    ZeebeTestEngine engine;
    ZeebeClient client;
    JobDriver jobs;

    DeploymentEvent deployment;

    @BeforeEach
    void deploy() {
        jobs = new JobDriver(engine, client);
        deployment = client.newDeployResourceCommand()
                .addResourceFromClasspath("bpmn/sample-review.bpmn")
                .addResourceFromClasspath("bpmn/forms/sample-review.form")
                .send()
                .join();
    }

    @Test
    void deploysWithItsForm() {
        assertThat(deployment).containsProcessesByBpmnProcessId(SampleReviewBpmn.PROCESS_ID);
        assertThat(deployment.getForm()).extracting(f -> f.getFormId()).containsExactly(SampleReviewBpmn.FORM_KEY);
    }

    @Test
    void offersTheReviewToTheTeamWithFormAndDueDateInJobHeaders() throws Exception {
        ProcessInstanceEvent instance = start();

        ActivatedJob job = jobs.take(Bpmn.USER_TASK_JOB_TYPE);

        assertThat(instance).isWaitingAtElements(SampleReviewBpmn.TASK_REVIEW_ACCOUNT);
        assertThat(job.getElementId()).isEqualTo(SampleReviewBpmn.TASK_REVIEW_ACCOUNT);
        Map<String, String> headers = job.getCustomHeaders();
        assertThat(headers)
                .containsEntry(UserTaskHeaders.CANDIDATE_GROUPS, "[\"sales-emea\"]")
                .containsEntry(UserTaskHeaders.FORM_KEY, SampleReviewBpmn.FORM_KEY)
                .doesNotContainKey(UserTaskHeaders.ASSIGNEE)
                .doesNotContainKey(UserTaskHeaders.FOLLOW_UP_DATE);
        assertThat(UserTaskHeaders.instant(headers.get(UserTaskHeaders.DUE_DATE)))
                .isEqualTo(DUE);
    }

    @Test
    void recordsTheReviewAndEndsWhenTheReviewIsDone() throws Exception {
        ProcessInstanceEvent instance = start();
        ActivatedJob review = jobs.take(Bpmn.USER_TASK_JOB_TYPE);
        client.newCompleteCommand(review)
                .variables(Map.of("healthScore", 7, "renewalRisk", "low"))
                .send()
                .join();

        ActivatedJob record = jobs.take(SampleReviewBpmn.RECORD_REVIEW_JOB_TYPE);
        assertThat(record.getVariablesAsMap()).containsEntry(Variables.ACCOUNT_ID, 42);
        client.newCompleteCommand(record)
                .variables(Map.of(Variables.REVIEW_RECORDED, true))
                .send()
                .join();
        engine.waitForIdleState(Duration.ofSeconds(10));

        assertThat(instance)
                .hasPassedElementsInOrder(
                        SampleReviewBpmn.START,
                        SampleReviewBpmn.TASK_REVIEW_ACCOUNT,
                        SampleReviewBpmn.TASK_RECORD_REVIEW,
                        SampleReviewBpmn.END)
                .hasVariableWithValue("healthScore", 7)
                .hasVariableWithValue(Variables.REVIEW_RECORDED, true)
                .isCompleted();
    }

    @Test
    void offersTheReviewWithoutDueDateWhenNoneIsGiven() throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand()
                .bpmnProcessId(SampleReviewBpmn.PROCESS_ID)
                .latestVersion()
                .send()
                .join();

        ActivatedJob job = jobs.take(Bpmn.USER_TASK_JOB_TYPE);

        assertThat(instance)
                .isWaitingAtElements(SampleReviewBpmn.TASK_REVIEW_ACCOUNT)
                .hasNoIncidents();
        assertThat(job.getCustomHeaders()).doesNotContainKey(UserTaskHeaders.DUE_DATE);
    }

    private ProcessInstanceEvent start() throws Exception {
        ProcessInstanceEvent instance = client.newCreateInstanceCommand()
                .bpmnProcessId(SampleReviewBpmn.PROCESS_ID)
                .latestVersion()
                .variables(Map.of(Variables.ACCOUNT_ID, 42, Variables.REVIEW_DUE_AT, DUE.toString()))
                .send()
                .join();
        return instance;
    }
}
