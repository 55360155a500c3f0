package dev.baton.notification;

public enum OutboxStatus {
    PENDING,
    SENT,
    FAILED
}
