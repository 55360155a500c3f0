package dev.baton.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A task row is changed by people (claim, complete) and by Baton's own bookkeeping (lock extension,
 * sync lease, the engine's outcome), each in a short transaction of its own. When two of them meet on
 * the row's version, neither side's change is wrong: the loser runs again on the fresh row, where
 * every rule is checked again. A clash on the last attempt is the usual optimistic-locking failure
 * (a 409 for a person).
 */
final class ClashRetry {

    private static final Logger log = LoggerFactory.getLogger(ClashRetry.class);
    static final int ATTEMPTS = 3;

    private ClashRetry() {}

    /** Runs {@code change} in a transaction of its own, again (up to {@link #ATTEMPTS}) after a version clash. */
    static <T> T inFreshTransaction(TransactionTemplate tx, TransactionCallback<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(change);
            } catch (OptimisticLockingFailureException clash) {
                if (attempt == ATTEMPTS) {
                    throw clash;
                }
                log.debug("task row changed meanwhile, attempt {} of {}: {}", attempt, ATTEMPTS, clash.getMessage());
            }
        }
    }
}
