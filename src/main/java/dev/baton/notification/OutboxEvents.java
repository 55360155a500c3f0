package dev.baton.notification;

/**
 * What happened to a queued mail, for the feature that queued it (it knows its own dedup keys, e.g.
 * {@code handover-intro:42}). Published in the dispatcher's transaction through the event publication
 * registry; listen with {@code @ApplicationModuleListener}.
 */
public final class OutboxEvents {

    private OutboxEvents() {}

    /** The mail was given up after its last attempt (or refused at once); {@code error} is the server's reason. */
    public record Failed(long messageId, String dedupKey, String to, String error) {}

    /** A mail an admin sent again after it had failed went out this time. */
    public record SentAfterRetry(long messageId, String dedupKey) {}
}
