package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays Baton's part in the process tests: takes the waiting jobs of a type and completes them. Every
 * process test activates its jobs here, so the idle-state race below is handled in one place.
 */
@SuppressWarnings("deprecation") // ZPT hands out the deprecated zeebe client
public record JobDriver(ZeebeTestEngine engine, ZeebeClient client) {

    public static final Duration IDLE = Duration.ofSeconds(10);
    /**
     * How long a job may take to appear. 10 s was once too short on a 2-core machine at load 12 (the
     * suite beside two benchmarks): the engine's thread waited its turn; only a failing test waits
     * this long.
     */
    static final Duration JOB_WAIT = Duration.ofSeconds(45);
    /** Pause between two activations while the expected jobs have not all come. */
    static final Duration ASK_AGAIN_AFTER = Duration.ofMillis(50);
    /** Longer than the client's 10 s default: on a loaded 2-core machine a deployment can take that long. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Exactly {@code expected} jobs of that type, activated (and so locked for this test).
     *
     * <p>Waiting for the engine's idle state and then activating once is not enough: Zeebe Process
     * Test's engine can report itself idle before it has taken up a command just sent (or a
     * just-fired timer's follow-ups), so that one activation sometimes came back empty (the
     * sales-to-CS handoff's first user task once did, on a fresh-clone suite). The activation is
     * therefore asked again, {@link #ASK_AGAIN_AFTER} apart, until {@code expected} jobs came or
     * {@link #JOB_WAIT} passed; too few or too many jobs still fail the assertion. (An empty answer to
     * an activation that did lock the job is another matter, which asking again cannot mend: another
     * engine's answer written over this one's; {@link InMemoryEngineTest} says why that no longer
     * happens.)
     *
     * <p>For {@code expected} 0 (a test asserting that no such job exists) there is one activation
     * after the idle wait and no retry: waiting {@link #JOB_WAIT} for nothing would only slow every
     * passing test down.
     */
    public List<ActivatedJob> activate(String type, int expected) {
        idle();
        List<ActivatedJob> jobs = new ArrayList<>(activateOnce(type));
        Instant giveUpAt = Instant.now().plus(JOB_WAIT);
        while (jobs.size() < expected && Instant.now().isBefore(giveUpAt)) {
            LockSupport.parkNanos(ASK_AGAIN_AFTER.toNanos());
            jobs.addAll(activateOnce(type));
        }
        assertThat(jobs).as("jobs of type %s", type).hasSize(expected);
        return jobs;
    }

    /** The one job of that type, once it exists (see {@link #activate}). */
    public ActivatedJob take(String type) {
        return activate(type, 1).get(0);
    }

    /** The waiting user task, checked to be the expected element. */
    public ActivatedJob userTask(String elementId) {
        ActivatedJob job = take(Bpmn.USER_TASK_JOB_TYPE);
        assertThat(job.getElementId()).isEqualTo(elementId);
        return job;
    }

    public ActivatedJob complete(String type, Map<String, Object> variables) {
        ActivatedJob job = take(type);
        client.newCompleteCommand(job).variables(variables).send().join();
        return job;
    }

    public ActivatedJob completeUserTask(String elementId, Map<String, Object> variables) {
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

    public void passTime(Duration duration) {
        engine.increaseTime(duration);
        idle();
    }

    private List<ActivatedJob> activateOnce(String type) {
        return client.newActivateJobsCommand()
                .jobType(type)
                .maxJobsToActivate(10)
                .requestTimeout(REQUEST_TIMEOUT)
                .send()
                .join()
                .getJobs();
    }

    private void idle() {
        try {
            engine.waitForIdleState(IDLE);
        } catch (Exception e) {
            throw new IllegalStateException("engine not idle within " + IDLE, e);
        }
    }
}
