package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Why the upload leaves a timer's literal date that has passed (README, building blocks): on the engine Baton runs,
 * a catch event's or a boundary event's timer whose date has passed fires at once, with no time passing on the
 * engine's clock, as the date has come. A block's date input already past is refused instead ({@code BlockChecks}):
 * the block refuses it on every run.
 */
@InMemoryEngineTest
@SuppressWarnings("deprecation") // ZPT hands out the deprecated zeebe client
class PastTimerDateProcessTests {

    static final String PAST = "2020-01-01T09:00:00Z";

    ZeebeTestEngine engine;
    ZeebeClient client;
    RecordStream records;

    @Test
    void aTimerCatchOrBoundaryWhoseDateHasPassedFiresAtOnce() {
        BpmnModelInstance model = io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("past_timers")
                .startEvent()
                .intermediateCatchEvent("catch_past", c -> c.timerWithDate(PAST))
                .userTask("task_review", t -> t.zeebeAssignee("rob"))
                .boundaryEvent("boundary_past", b -> b.cancelActivity(true).timerWithDate(PAST))
                .endEvent("end_timed_out")
                .moveToActivity("task_review")
                .endEvent("end_answered")
                .done();
        client.newDeployResourceCommand()
                .addProcessModel(model, "past-timers.bpmn")
                .requestTimeout(JobDriver.REQUEST_TIMEOUT)
                .send()
                .join();

        client.newCreateInstanceCommand()
                .bpmnProcessId("past_timers")
                .latestVersion()
                .send()
                .join();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(completed())
                        .contains("catch_past", "boundary_past", "end_timed_out")
                        .doesNotContain("end_answered"));
    }

    private Set<String> completed() {
        return StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                .map(r -> r.getValue().getElementId())
                .collect(Collectors.toSet());
    }
}
