package dev.baton.account;

import java.util.Optional;

/**
 * Accounts a running handover is still to move to its successor: nothing else moves them meanwhile, or
 * the handover would later report the account handed over, give the successor its commitments and an
 * acknowledgement task, while someone else owns it (found by a probe). Owned here, implemented by the
 * handover feature, so the account depends on no handover code.
 */
public interface PendingHandovers {

    /**
     * Why {@code account} may not change owner outside its handover now, in words naming it, the departing
     * person and the planned successor: "Brauerei Huber GmbH is being handed over from Ravi Shankar to Sam
     * Carter: change its successor in that handover, or cancel the handover, first".
     *
     * @return the reason; empty when no starting or running handover is still to move the account (none,
     *     or it has moved already: then its new owner may pass it on like any other account)
     */
    Optional<String> whyNotMoveNow(Account account);
}
