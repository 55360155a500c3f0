package dev.baton.commitment;

import java.util.EnumSet;
import java.util.Set;

/** {@code PROPOSED → ACCEPTED → DELIVERED → VERIFIED}, or REJECTED, BREACHED, CANCELLED. */
public enum CommitmentStatus {
    PROPOSED,
    ACCEPTED,
    DELIVERED,
    VERIFIED,
    REJECTED,
    BREACHED,
    CANCELLED;

    /**
     * Still owed to the customer (DESIGN.md's one definition of an open commitment): proposed, accepted,
     * delivered but not yet verified, or rejected and awaiting renegotiation. Such a commitment moves in a
     * handover, blocks its owner's deactivation and must always have an active owner.
     */
    public static final Set<CommitmentStatus> OPEN = EnumSet.of(PROPOSED, ACCEPTED, DELIVERED, REJECTED);

    /** Open and waiting for its owner (to accept, deliver or renegotiate): the owner-missing message's concern. */
    public static final Set<CommitmentStatus> OWNER_ACTS = EnumSet.of(PROPOSED, ACCEPTED, REJECTED);

    /** Open and not yet delivered: only these can be overdue. */
    public static final Set<CommitmentStatus> AWAITING_DELIVERY = EnumSet.of(PROPOSED, ACCEPTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
