package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.Protocol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Why an upload's user-task priority is refused ({@link PlaybookChecks}): the engine writes no
 * priority header on a job-worker user task's job, for a static priority, a FEEL one and none alike
 * (playbooks/modeler-priority.bpmn). In Zeebe 8.8 {@code io.camunda.zeebe:priority} is written only on
 * the jobs of a Camunda user task's task listeners; a job-worker user task's job carries assignee,
 * candidates, dates and form key. Should an engine version start writing it, this fails, and Baton can
 * carry the priority instead of refusing it.
 */
@InMemoryEngineTest
@SuppressWarnings("deprecation") // ZPT hands out the deprecated zeebe client
class UserTaskPriorityProcessTests {

    ZeebeTestEngine engine;
    ZeebeClient client;

    @Test
    void theEngineWritesNoPriorityHeaderOnAJobWorkerUserTasksJob() {
        JobDriver jobs = new JobDriver(engine, client);
        jobs.deploy("playbooks/modeler-priority.bpmn");
        client.newCreateInstanceCommand()
                .bpmnProcessId("Process_priority")
                .latestVersion()
                .variables(Map.of("owner", "rob", "dealSize", 150))
                .send()
                .join();

        List<ActivatedJob> steps = jobs.activate(Bpmn.USER_TASK_JOB_TYPE, 3);

        assertThat(steps)
                .extracting(ActivatedJob::getElementId)
                .containsExactlyInAnyOrder("Activity_urgent", "Activity_sized", "Activity_plain");
        assertThat(steps)
                .allSatisfy(step -> assertThat(step.getCustomHeaders())
                        .as("headers of %s", step.getElementId())
                        .containsEntry(UserTaskHeaders.ASSIGNEE, "rob") // the other attributes do arrive
                        .doesNotContainKey(Protocol.USER_TASK_PRIORITY_HEADER_NAME));
    }
}
