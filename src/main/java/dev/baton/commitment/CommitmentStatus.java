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

  /** Still owed to the customer: such a commitment must always have an active owner. */
  public static final Set<CommitmentStatus> OPEN = EnumSet.of(PROPOSED, ACCEPTED, DELIVERED);

  /** Open and not yet delivered: only these can be overdue. */
  public static final Set<CommitmentStatus> AWAITING_DELIVERY = EnumSet.of(PROPOSED, ACCEPTED);

  public boolean isOpen() {
    return OPEN.contains(this);
  }
}
