package dev.baton.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.protocol.impl.record.value.processinstance.ProcessInstanceRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ActiveElements} read from the in-process engine's record log, as {@link LoggedIncidents}
 * reads incidents: each query first reads the records written since the last one, keeping the
 * element instances activated and not yet completed or terminated (a migration's new element id
 * replaces the old), and the running instances a call activity started with the instance that called
 * each. Only their values are read; what it keeps grows with the elements and called instances active
 * now, not with all ever run. The log lives as long as the engine, and so does this.
 */
final class LoggedActiveElements implements ActiveElements, AutoCloseable {

    /** An element instance: the process instance it belongs to and its element's id. */
    private record Active(long processInstanceKey, String elementId) {}

    private final RecordLogTail log;
    private final Map<Long, Active> active = new LinkedHashMap<>(); // element instance key -> element
    private final Map<Long, Long> callers = new HashMap<>(); // running called instance -> the instance that called it

    LoggedActiveElements(LogStreamReader log) {
        this.log = new RecordLogTail(log);
    }

    @Override
    public synchronized Set<String> of(long processInstanceKey) {
        readNewRecords();
        Set<String> ids = new LinkedHashSet<>();
        active.values().stream()
                .filter(a -> a.processInstanceKey() == processInstanceKey)
                .forEach(a -> ids.add(a.elementId()));
        return ids;
    }

    @Override
    public synchronized List<Long> callers(long processInstanceKey) {
        readNewRecords();
        List<Long> chain = new ArrayList<>();
        Long caller = callers.get(processInstanceKey);
        while (caller != null && !chain.contains(caller)) {
            chain.add(caller);
            caller = callers.get(caller);
        }
        return chain;
    }

    private void readNewRecords() {
        log.readNew((event, metadata) -> {
            if (metadata.getValueType() != ValueType.PROCESS_INSTANCE || metadata.getRecordType() != RecordType.EVENT) {
                return;
            }
            ProcessInstanceIntent intent = (ProcessInstanceIntent) metadata.getIntent();
            switch (intent) {
                case ELEMENT_ACTIVATING, ELEMENT_MIGRATED -> {
                    ProcessInstanceRecord value = new ProcessInstanceRecord();
                    event.readValue(value);
                    if (value.getBpmnElementType() == BpmnElementType.PROCESS) {
                        if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATING && value.hasParentProcess()) {
                            callers.put(event.getKey(), value.getParentProcessInstanceKey());
                        }
                    } else if ((intent == ProcessInstanceIntent.ELEMENT_ACTIVATING
                            || active.containsKey(event.getKey()))) {
                        active.put(event.getKey(), new Active(value.getProcessInstanceKey(), value.getElementId()));
                    }
                }
                case ELEMENT_COMPLETED, ELEMENT_TERMINATED -> {
                    active.remove(event.getKey());
                    callers.remove(event.getKey()); // a process's own record: the key is its instance's
                }
                default -> {
                    // the other intents do not change where an instance waits
                }
            }
        });
    }

    @Override
    public synchronized void close() {
        log.close();
    }
}
