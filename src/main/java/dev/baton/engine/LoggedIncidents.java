package dev.baton.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.value.incident.IncidentRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link EngineIncidents} read from the in-process engine's record log: each query first reads the
 * records written since the last one (only their metadata, unless an incident's), keeping the
 * incidents created and not yet resolved. The log lives as long as the engine, and so does this.
 */
final class LoggedIncidents implements EngineIncidents, AutoCloseable {

    /** An open incident and the process instances it holds: its own and those that called it. */
    private record Opened(Incident incident, Set<Long> instances) {}

    /** The exception's type before a worker's message, e.g. {@code io.camunda.client.exception.JobError: }. */
    private static final Pattern EXCEPTION_TYPE = Pattern.compile("^[\\w.$]+(?:Exception|Error): ");

    private final RecordLogTail log;
    private final Map<Long, Opened> open = new LinkedHashMap<>();

    LoggedIncidents(LogStreamReader log) {
        this.log = new RecordLogTail(log);
    }

    @Override
    public synchronized List<Incident> open(long processInstanceKey) {
        readNewRecords();
        return open.values().stream()
                .filter(o -> o.instances().contains(processInstanceKey))
                .map(Opened::incident)
                .toList();
    }

    @Override
    public synchronized Map<Long, List<Incident>> openByInstance() {
        readNewRecords();
        Map<Long, List<Incident>> byInstance = new HashMap<>();
        for (Opened o : open.values()) {
            o.instances()
                    .forEach(key -> byInstance
                            .computeIfAbsent(key, k -> new ArrayList<>())
                            .add(o.incident()));
        }
        return byInstance;
    }

    private void readNewRecords() {
        log.readNew((event, metadata) -> {
            if (metadata.getValueType() != ValueType.INCIDENT || metadata.getRecordType() != RecordType.EVENT) {
                return;
            }
            if (metadata.getIntent() == IncidentIntent.CREATED) {
                IncidentRecord value = new IncidentRecord();
                event.readValue(value);
                open.put(event.getKey(), new Opened(incident(event, value), instances(value)));
            } else if (metadata.getIntent() == IncidentIntent.RESOLVED) {
                open.remove(event.getKey());
            }
        });
    }

    private static Incident incident(LoggedEvent event, IncidentRecord value) {
        return new Incident(
                event.getKey(),
                value.getProcessInstanceKey(),
                value.getBpmnProcessId(),
                value.getProcessDefinitionKey(),
                value.getElementId(),
                value.getErrorType().name(),
                readable(value.getErrorMessage()),
                Instant.ofEpochMilli(event.getTimestamp()));
    }

    /**
     * The engine's message as a person reads it. A job failed by a worker carries the client's
     * exception with its stack trace ("io.camunda.client.exception.JobError: Step ... \n\tat ..."):
     * only its message is kept, as the problems page shows it. An engine's own message is unchanged.
     */
    static String readable(String message) {
        if (message == null) {
            return null;
        }
        int trace = message.indexOf("\n\tat ");
        String text = trace < 0 ? message : message.substring(0, trace);
        return EXCEPTION_TYPE.matcher(text).replaceFirst("").strip();
    }

    /** The instance's key and its callers': each level of the element instance path starts with one. */
    private static Set<Long> instances(IncidentRecord value) {
        Set<Long> keys = new HashSet<>();
        keys.add(value.getProcessInstanceKey());
        value.getElementInstancePath().stream()
                .filter(level -> !level.isEmpty())
                .forEach(level -> keys.add(level.getFirst()));
        return keys;
    }

    @Override
    public synchronized void close() {
        log.close();
    }
}
