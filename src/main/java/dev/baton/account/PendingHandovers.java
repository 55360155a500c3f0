package dev.baton.account;

import java.util.Collection;
import java.util.Map;

/**
 * Accounts a running handover is still to move to its successor: nothing else moves them meanwhile, or
 * the handover would later report the account handed over, give the successor its commitments and an
 * acknowledgement task, while someone else owns it (found by a probe). Owned here, implemented by the
 * handover feature, so the account depends on no handover code.
 */
public interface PendingHandovers {

    /**
     * Why each of {@code accountIds} may not change owner outside its handover now, in words naming it, the
     * departing person and the planned successor: "Brauerei Huber GmbH is being handed over from Ravi
     * Shankar to Sam Carter: change its successor in that handover, or cancel the handover, first".
     *
     * @param accountIds the accounts to change (any number; none is no query)
     * @return the reason by account id, for those a starting or running handover is still to move; the
     *     others (in none, or moved already: their new owner may pass them on) are missing from it
     */
    Map<Long, String> whyNotMoveNow(Collection<Long> accountIds);
}
