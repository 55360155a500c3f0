package dev.baton.notification;

public enum OutboxStatus {
    PENDING,
    SENT,
    FAILED,
    /** Not sent: what it was about was withdrawn while it waited ({@link Outbox#withdraw}). */
    WITHDRAWN
}
