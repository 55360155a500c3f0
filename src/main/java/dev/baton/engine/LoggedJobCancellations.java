package dev.baton.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.protocol.impl.record.value.job.JobRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.util.ArrayList;
import java.util.List;

/**
 * The user-task jobs the in-process engine canceled, read from its record log as {@link LoggedIncidents}
 * reads incidents: the engine cancels a step's job whenever it closes the step without an answer (an
 * interrupting boundary or event subprocess, a terminate end event, a cancelled instance, a
 * multi-instance's completion condition). Only each record's metadata is read, and the value only of a
 * job's CANCELED event (for its job type); nothing is kept but the place in the log. The log lives as
 * long as the engine, and so does this.
 */
final class LoggedJobCancellations implements AutoCloseable {

    private final RecordLogTail log;

    LoggedJobCancellations(LogStreamReader log) {
        this.log = new RecordLogTail(log);
    }

    /**
     * The keys of the user-task jobs canceled since the last call (the first call: since the engine
     * started), in the order the engine canceled them; empty when there are none. Jobs of other types
     * (service tasks) are left out.
     */
    synchronized List<Long> userTaskJobsCanceledSinceLastCall() {
        List<Long> canceled = new ArrayList<>();
        log.readNew((event, metadata) -> {
            if (metadata.getValueType() != ValueType.JOB
                    || metadata.getRecordType() != RecordType.EVENT
                    || metadata.getIntent() != JobIntent.CANCELED) {
                return;
            }
            JobRecord job = new JobRecord();
            event.readValue(job);
            if (Bpmn.USER_TASK_JOB_TYPE.equals(job.getType())) {
                canceled.add(event.getKey());
            }
        });
        return canceled;
    }

    @Override
    public synchronized void close() {
        log.close();
    }
}
