package dev.baton.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a change that moves many rows other work also writes in a transaction of its own, again after
 * PostgreSQL broke a deadlock by rolling it back (or a row lock could not be had): nothing of the
 * attempt stays, and the next one usually goes through, the other transaction having ended. Found
 * in CI (stop 46, again in session 38): a contact merge's {@code update lead set contact_id = ...}
 * and a lead's own assignment locked two lead rows in opposite orders, and the merge answered 500.
 */
public final class LockClashes {

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(LockClashes.class);

    private LockClashes() {}

    /**
     * The change's result, from the first attempt that commits.
     *
     * @param tx the transaction each attempt runs in (a new one: it must not join the caller's, whose
     *     work the rollback would lose)
     * @throws PessimisticLockingFailureException the last attempt's, after {@link #ATTEMPTS} deadlocks
     *     (the API answers it as a 409, "try again")
     */
    public static <T> T retried(TransactionTemplate tx, TransactionCallback<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(change);
            } catch (PessimisticLockingFailureException clash) {
                if (attempt == ATTEMPTS) {
                    throw clash;
                }
                log.info("deadlock or lock not had, attempt {} of {} again: {}", attempt, ATTEMPTS, clash.getMessage());
                try {
                    Thread.sleep(20L * attempt); // let the other transaction end
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw clash;
                }
            }
        }
    }
}
