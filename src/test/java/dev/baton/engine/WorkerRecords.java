package dev.baton.engine;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What the real workers told the in-memory engine about one process instance, read from its record
 * stream: the variables a job was completed with, the BPMN errors thrown, the elements passed.
 */
public record WorkerRecords(ZeebeTestEngine engine, Duration timeout) {

    /** The variables each completion of that job type sent, oldest first; waits for at least {@code count}. */
    public List<Map<String, Object>> awaitCompleted(long instance, String jobType, int count) {
        return await().atMost(timeout)
                .until(
                        () -> jobs(instance, jobType, JobIntent.COMPLETED)
                                .map(r -> r.getValue().getVariables())
                                .toList(),
                        sent -> sent.size() >= count);
    }

    /** The variables the first completion of that job type sent. */
    public Map<String, Object> awaitCompleted(long instance, String jobType) {
        return awaitCompleted(instance, jobType, 1).get(0);
    }

    /** The error codes thrown by jobs of that type, oldest first; waits for at least one. */
    public List<String> awaitErrorsThrown(long instance, String jobType) {
        return await().atMost(timeout)
                .until(
                        () -> jobs(instance, jobType, JobIntent.ERROR_THROWN)
                                .map(r -> r.getValue().getErrorCode())
                                .toList(),
                        codes -> !codes.isEmpty());
    }

    /** The ids of the instance's elements that completed, in order (tasks, events, gateways, the process). */
    public List<String> passed(long instance) {
        return stream(records().processInstanceRecords())
                .filter(r -> r.getValue().getProcessInstanceKey() == instance
                        && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
                .map(r -> r.getValue().getElementId())
                .toList();
    }

    /** Every value any variable of the instance ever had, as {@code name=JSON text}. */
    public List<String> variableValues(long instance) {
        return stream(records().variableRecords())
                .filter(r -> r.getValue().getProcessInstanceKey() == instance)
                .map(r -> r.getValue().getName() + "=" + r.getValue().getValue())
                .toList();
    }

    /** Waits until the instance has completed the element (e.g. an end event of one branch). */
    public void awaitElementCompleted(long instance, String elementId) {
        await().atMost(timeout).until(() -> passed(instance).contains(elementId));
    }

    /** The message of the instance's first incident, once one is created. */
    public String awaitIncident(long instance) {
        return await().atMost(timeout)
                .until(
                        () -> stream(records().incidentRecords())
                                .filter(r -> r.getValue().getProcessInstanceKey() == instance)
                                .map(r -> r.getValue().getErrorMessage())
                                .findFirst()
                                .orElse(null),
                        message -> message != null);
    }

    /** Waits until the instance has ended. */
    public void awaitEnded(long instance) {
        await().atMost(timeout)
                .until(() -> stream(records().processInstanceRecords())
                        .anyMatch(r -> r.getValue().getProcessInstanceKey() == instance
                                && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
                                && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED));
    }

    private Stream<Record<JobRecordValue>> jobs(long instance, String jobType, JobIntent intent) {
        return stream(records().jobRecords())
                .filter(r -> r.getIntent() == intent
                        && r.getValue().getProcessInstanceKey() == instance
                        && jobType.equals(r.getValue().getType()));
    }

    private RecordStream records() {
        return RecordStream.of(engine.getRecordStreamSource());
    }

    private static <T> Stream<T> stream(Iterable<T> records) {
        return StreamSupport.stream(records.spliterator(), false);
    }
}
