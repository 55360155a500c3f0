package dev.baton.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.protocol.impl.record.value.processinstance.ProcessInstanceRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EngineStarts} read from the in-process engine's record log, as {@link LoggedActiveElements}
 * reads where runs wait: a process activating is remembered until its own start event activates
 * (its flow scope is the process instance), which says how it was triggered. What it keeps between
 * calls is only the instances whose start event has not activated yet.
 */
final class LoggedStarts implements EngineStarts, AutoCloseable {

    private final RecordLogTail log;
    private final Map<Long, Start> activating = new HashMap<>(); // process instance key -> start, type unknown yet

    LoggedStarts(LogStreamReader log) {
        this.log = new RecordLogTail(log);
    }

    @Override
    public synchronized List<Start> newStarts() {
        List<Start> started = new ArrayList<>();
        log.readNew((event, metadata) -> {
            if (metadata.getValueType() != ValueType.PROCESS_INSTANCE
                    || metadata.getRecordType() != RecordType.EVENT
                    || metadata.getIntent() != ProcessInstanceIntent.ELEMENT_ACTIVATING) {
                return;
            }
            ProcessInstanceRecord value = new ProcessInstanceRecord();
            event.readValue(value);
            if (value.getBpmnElementType() == BpmnElementType.PROCESS) {
                activating.put(
                        event.getKey(),
                        new Start(
                                event.getKey(),
                                value.getBpmnProcessId(),
                                value.getVersion(),
                                value.getProcessDefinitionKey(),
                                null,
                                value.hasParentProcess() ? value.getParentProcessInstanceKey() : null,
                                Instant.ofEpochMilli(event.getTimestamp())));
            } else if (value.getBpmnElementType() == BpmnElementType.START_EVENT
                    && value.getFlowScopeKey() == value.getProcessInstanceKey()) {
                Start start = activating.remove(value.getProcessInstanceKey());
                if (start != null) {
                    started.add(new Start(
                            start.processInstanceKey(),
                            start.processId(),
                            start.version(),
                            start.definitionKey(),
                            value.getBpmnEventType().name(),
                            start.calledBy(),
                            start.at()));
                }
            }
        });
        return started;
    }

    @Override
    public synchronized void close() {
        log.close();
    }
}
