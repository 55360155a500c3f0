package dev.baton.engine;

import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.util.buffer.BufferWriter;
import org.agrona.DirectBuffer;

/**
 * Writes an in-memory engine's gRPC answers one at a time across every such engine of the JVM.
 *
 * <p>Why: Zeebe Process Test's response writer ({@code GrpcResponseWriter}, 8.8) keeps the answer's
 * key, intent and value view in <em>static</em> fields, shared by every engine of the JVM, and fills
 * them one call at a time before it maps and sends the answer. Two engines answering at the same
 * moment mix their answers: a client gets another engine's key (a deployment's definition key, an
 * instance key), or the mapping fails ("Could not deserialize object [ProcessInstanceCreationRecord]")
 * and the command is never answered. One engine alone is safe (its stream processor answers on one
 * thread), as in the sandbox or the separate engine; the test suite, whose cached Spring contexts
 * each run an engine, met both (a step named by the wrong deployment's model, lost answers).
 *
 * <p>How: this writer collects one answer's parts on the calling engine's thread, and hands them to
 * the library's writer and sends them under one lock shared by all engines.
 */
final class OneResponseAtATime implements CommandResponseWriter {

    /** One for the JVM, as the library's static fields are. */
    private static final Object ANSWERING = new Object();

    private final CommandResponseWriter library;
    private int partitionId;
    private long key;
    private Intent intent;
    private RecordType recordType;
    private ValueType valueType;
    private RejectionType rejectionType;
    private DirectBuffer rejectionReason;
    private BufferWriter value;

    OneResponseAtATime(CommandResponseWriter library) {
        this.library = library;
    }

    @Override
    public CommandResponseWriter partitionId(int partitionId) {
        this.partitionId = partitionId;
        return this;
    }

    @Override
    public CommandResponseWriter key(long key) {
        this.key = key;
        return this;
    }

    @Override
    public CommandResponseWriter intent(Intent intent) {
        this.intent = intent;
        return this;
    }

    @Override
    public CommandResponseWriter recordType(RecordType recordType) {
        this.recordType = recordType;
        return this;
    }

    @Override
    public CommandResponseWriter valueType(ValueType valueType) {
        this.valueType = valueType;
        return this;
    }

    @Override
    public CommandResponseWriter rejectionType(RejectionType rejectionType) {
        this.rejectionType = rejectionType;
        return this;
    }

    @Override
    public CommandResponseWriter rejectionReason(DirectBuffer rejectionReason) {
        this.rejectionReason = rejectionReason;
        return this;
    }

    /** The value is written when the answer is sent: the caller sends it right after, on the same thread. */
    @Override
    public CommandResponseWriter valueWriter(BufferWriter value) {
        this.value = value;
        return this;
    }

    @Override
    public void tryWriteResponse(int requestStreamId, long requestId) {
        synchronized (ANSWERING) {
            library.partitionId(partitionId)
                    .key(key)
                    .intent(intent)
                    .recordType(recordType)
                    .valueType(valueType)
                    .rejectionType(rejectionType);
            if (rejectionReason != null) {
                library.rejectionReason(rejectionReason);
            }
            if (value != null) {
                library.valueWriter(value);
            }
            library.tryWriteResponse(requestStreamId, requestId);
        }
    }
}
