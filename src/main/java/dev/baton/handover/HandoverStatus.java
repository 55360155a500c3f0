package dev.baton.handover;

/**
 * STARTING until the engine has the process instance; RUNNING until the closing summary; CANCELLED when
 * a manager stopped it (what had moved stays moved).
 */
public enum HandoverStatus {
    STARTING,
    RUNNING,
    COMPLETED,
    CANCELLED;

    /** Starting or running: the person is being handed over. */
    public boolean isActive() {
        return this == STARTING || this == RUNNING;
    }
}
