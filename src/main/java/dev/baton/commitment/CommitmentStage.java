package dev.baton.commitment;

/** Where a commitment's process must wait next; the BPMN routes on {@link #key()}. */
public enum CommitmentStage {
    ASSIGN,
    ACCEPT,
    RENEGOTIATE,
    DELIVER,
    VERIFY,
    CLOSED;

    public String key() {
        return name().toLowerCase();
    }
}
