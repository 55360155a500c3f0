package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Plays Baton's part in the handover process tests: takes the one waiting job of a type and completes it. */
@SuppressWarnings("deprecation") // ZPT hands out the deprecated zeebe client
public record JobDriver(ZeebeTestEngine engine, ZeebeClient client) {

    public static final Duration IDLE = Duration.ofSeconds(10);
    /**
     * How long a job may take to appear. 10 s was once too short on a 2-core machine at load 12 (the
     * suite beside two benchmarks): the engine's thread waited its turn; only a failing test waits
     * this long.
     */
    static final Duration JOB_WAIT = Duration.ofSeconds(45);
    /** Longer than the client's 10 s default: on a loaded 2-core machine a deployment can take that long. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The one job of that type, once it exists. The engine's idle state alone is not enough on a loaded
     * machine (it can report idle before a just-sent command's follow-ups are processed), so the
     * activation is retried until a batch comes back, and that batch must hold exactly one job.
     */
    public ActivatedJob take(String type) throws Exception {
        engine.waitForIdleState(IDLE);
        List<ActivatedJob> jobs = await().atMost(JOB_WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> client.newActivateJobsCommand()
                                .jobType(type)
                                .maxJobsToActivate(10)
                                .requestTimeout(REQUEST_TIMEOUT)
                                .send()
                                .join()
                                .getJobs(),
                        found -> !found.isEmpty());
        assertThat(jobs).as("jobs of type %s", type).hasSize(1);
        return jobs.get(0);
    }

    /** The waiting user task, checked to be the expected element. */
    public ActivatedJob userTask(String elementId) throws Exception {
        ActivatedJob job = take(Bpmn.USER_TASK_JOB_TYPE);
        assertThat(job.getElementId()).isEqualTo(elementId);
        return job;
    }

    public ActivatedJob complete(String type, Map<String, Object> variables) throws Exception {
        ActivatedJob job = take(type);
        client.newCompleteCommand(job).variables(variables).send().join();
        return job;
    }

    public ActivatedJob completeUserTask(String elementId, Map<String, Object> variables) throws Exception {
        ActivatedJob job = userTask(elementId);
        client.newCompleteCommand(job).variables(variables).send().join();
        return job;
    }

    public void deploy(String... resources) {
        var command = client.newDeployResourceCommand().addResourceFromClasspath(resources[0]);
        for (int i = 1; i < resources.length; i++) {
            command = command.addResourceFromClasspath(resources[i]);
        }
        command.requestTimeout(REQUEST_TIMEOUT).send().join();
    }

    public void passTime(Duration duration) throws Exception {
        engine.increaseTime(duration);
        engine.waitForIdleState(IDLE);
    }
}
