package dev.baton.handover;

/** STARTING until the engine has the process instance; RUNNING until the closing summary. */
public enum HandoverStatus {
    STARTING,
    RUNNING,
    COMPLETED
}
