package dev.baton.engine;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the real workers told the in-memory engine about one process instance, read from its record
 * stream: the variables a job was completed with, the BPMN errors thrown, the elements passed.
 */
public record WorkerRecords(ZeebeTestEngine engine, Duration timeout) {

    /** The variables each completion of that job type sent, oldest first; waits for at least {@code count}. */
    public List<Map<String, Object>> awaitCompleted(long instance, String jobType, int count) {
        return waitFor(
                instance,
                count + " completed " + jobType + " job(s)",
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
        return waitFor(
                instance,
                "an error thrown by a " + jobType + " job",
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

    /**
     * The instance's timers armed now (created, neither triggered nor canceled), by the element they
     * belong to, with the instant each is due; waits until they are exactly {@code expected}.
     */
    public Map<String, Instant> awaitArmedTimers(long instance, Map<String, Instant> expected) {
        return waitFor(instance, "timers armed at " + expected, () -> armedTimers(instance), expected::equals);
    }

    private Map<String, Instant> armedTimers(long instance) {
        Map<Long, Record<TimerRecordValue>> armed = new java.util.LinkedHashMap<>();
        stream(records().timerRecords())
                .filter(r -> r.getValue().getProcessInstanceKey() == instance)
                .forEach(r -> {
                    if (r.getIntent() == TimerIntent.CREATED) {
                        armed.put(r.getKey(), r);
                    } else if (r.getIntent() == TimerIntent.TRIGGERED || r.getIntent() == TimerIntent.CANCELED) {
                        armed.remove(r.getKey());
                    }
                });
        return armed.values().stream()
                .collect(java.util.stream.Collectors.toMap(
                        r -> r.getValue().getTargetElementId(),
                        r -> Instant.ofEpochMilli(r.getValue().getDueDate()),
                        (a, b) -> a,
                        java.util.TreeMap::new));
    }

    /** Waits until the instance has completed the element (e.g. an end event of one branch). */
    public void awaitElementCompleted(long instance, String elementId) {
        waitFor(instance, elementId + " completed", () -> passed(instance).contains(elementId), done -> done);
    }

    /** The message of the instance's first incident, once one is created. */
    public String awaitIncident(long instance) {
        return waitFor(
                instance,
                "an incident",
                () -> stream(records().incidentRecords())
                        .filter(r -> r.getValue().getProcessInstanceKey() == instance)
                        .map(r -> r.getValue().getErrorMessage())
                        .findFirst()
                        .orElse(null),
                message -> message != null);
    }

    /** Waits until the instance has ended. */
    public void awaitEnded(long instance) {
        waitFor(
                instance,
                "the instance's end",
                () -> stream(records().processInstanceRecords())
                        .anyMatch(r -> r.getValue().getProcessInstanceKey() == instance
                                && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
                                && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED),
                ended -> ended);
    }

    /**
     * Waits for {@code done}; on time-out, fails naming what was awaited and the instance's {@link
     * #history}.
     */
    private <T> T waitFor(long instance, String awaited, Callable<T> value, Predicate<T> done) {
        try {
            return await().atMost(timeout).until(value, done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "waited " + timeout.toSeconds() + " s for " + awaited + " of instance " + instance
                            + "; its timers and jobs: " + history(instance),
                    e);
        }
    }

    /**
     * What the engine did with the instance's timers and jobs, in order, e.g. {@code
     * timer_x:TIMER CREATED@...}: a wait that times out names it, so a run on another machine says
     * whether a timer was never triggered or a job never activated.
     */
    public String history(long instance) {
        return stream(records().records())
                .filter(r -> (r.getValueType() == ValueType.TIMER || r.getValueType() == ValueType.JOB)
                        && r.getRecordType() == RecordType.EVENT
                        && r.getValue() instanceof ProcessInstanceRelated related
                        && related.getProcessInstanceKey() == instance)
                .map(r -> element(r) + ":" + r.getValueType() + " " + r.getIntent() + "@" + r.getTimestamp())
                .toList()
                .toString();
    }

    /**
     * The engine's last {@code count} job, timer and incident events over all instances, oldest first,
     * e.g. {@code 2251799813685300 baton-renewal-escalate task_escalate_late_stage:JOB CREATED}: what a
     * failed test's engine was doing (see {@link EngineIntegrationTest}).
     */
    public String recent(int count) {
        List<String> events = stream(records().records())
                .filter(r -> r.getRecordType() == RecordType.EVENT
                        && (r.getValueType() == ValueType.TIMER
                                || r.getValueType() == ValueType.JOB
                                || r.getValueType() == ValueType.INCIDENT))
                .map(r -> (r.getValue() instanceof ProcessInstanceRelated related
                                ? related.getProcessInstanceKey() + " "
                                : "")
                        + (r.getValue() instanceof JobRecordValue job ? job.getType() + " " : "")
                        + element(r) + ":" + r.getValueType() + " " + r.getIntent())
                .toList();
        return String.join("\n", events.subList(Math.max(0, events.size() - count), events.size()));
    }

    private static String element(Record<?> r) {
        return switch (r.getValue()) {
            case JobRecordValue job -> job.getElementId();
            case TimerRecordValue timer -> timer.getTargetElementId();
            case IncidentRecordValue incident -> incident.getElementId() + " (" + incident.getErrorMessage() + ")";
            default -> "?";
        };
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
