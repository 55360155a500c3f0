package dev.baton.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import java.util.function.BiConsumer;

/**
 * Reads the in-process engine's record log a piece at a time: each call hands over the records
 * written since the last one, with their metadata (a record's value is read only by who needs it).
 * Not thread-safe: its owner reads under its own lock.
 */
final class RecordLogTail implements AutoCloseable {

    private final LogStreamReader log;
    private long position = -1;

    RecordLogTail(LogStreamReader log) {
        this.log = log;
    }

    /** Hands each record written since the last call (the first call: every record) to {@code each}, in order. */
    void readNew(BiConsumer<LoggedEvent, RecordMetadata> each) {
        if (position < 0) {
            log.seekToFirstEvent();
        } else {
            log.seekToNextEvent(position);
        }
        while (log.hasNext()) {
            LoggedEvent event = log.next();
            position = event.getPosition();
            RecordMetadata metadata = new RecordMetadata();
            event.readMetadata(metadata);
            each.accept(event, metadata);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
