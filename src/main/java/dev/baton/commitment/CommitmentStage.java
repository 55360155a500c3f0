package dev.baton.commitment;

/** Where a commitment's process must wait next; the BPMN routes on {@link #key()}. */
public enum CommitmentStage {
    ASSIGN,
    ACCEPT,
    RENEGOTIATE,
    DELIVER,
    VERIFY,
    CLOSED;

    /**
     * The stage of its life a commitment's process must be at: closed once verified, breached or
     * cancelled; verification once delivered; else what its owner does next (accept a proposal, deliver
     * an accepted promise, renegotiate a rejected one), or assignment while it has no active owner (an
     * inactive owner counts as none).
     */
    public static CommitmentStage of(CommitmentStatus status, boolean activeOwner) {
        return switch (status) {
            case VERIFIED, BREACHED, CANCELLED -> CLOSED;
            case REJECTED -> activeOwner ? RENEGOTIATE : ASSIGN;
            case DELIVERED -> VERIFY;
            case PROPOSED -> activeOwner ? ACCEPT : ASSIGN;
            case ACCEPTED -> activeOwner ? DELIVER : ASSIGN;
        };
    }

    public String key() {
        return name().toLowerCase();
    }
}
