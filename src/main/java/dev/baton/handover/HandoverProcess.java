package dev.baton.handover;

import java.time.Instant;
import java.util.List;

/** What a handover needs from the process engine; {@code dev.baton.process} implements it. */
public interface HandoverProcess {

  /**
   * Starts the rep handover for the given items and returns the process instance key.
   *
   * @param leaveEndsAt for a leave of absence, when the ownership question comes back; else null
   */
  long start(long handoverId, List<Long> itemIds, String manager, String departing, Instant leaveEndsAt);
}
