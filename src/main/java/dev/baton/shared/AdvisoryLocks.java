package dev.baton.shared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes whose rules read several rows, so that two of them at once could each pass their checks
 * and together break a rule that no row lock guards (the last admin, a reporting loop, someone named
 * successor while they are handed over themselves), are made one at a time: each takes a PostgreSQL
 * transaction-scoped advisory lock for its {@link Subject} first, before it reads anything, and so
 * judges what the one before it committed. The lock ends with the transaction.
 *
 * <p>Keys are in PostgreSQL's two-int key space, which it keeps apart from the one-bigint space that
 * {@code BlockRuns} (engine element instance keys) and Flyway use.
 */
@Component
public class AdvisoryLocks {

    /** What a lock keeps to one change at a time. */
    public enum Subject {
        /**
         * Who works here, in what role, reporting to whom, and who is being handed over: people
         * created, changed, deactivated or imported, and handovers launched; claims of tasks read it
         * ({@link #share}).
         */
        PEOPLE_AND_HANDOVERS,
        /**
         * The names of the catalogue's playbooks: an upload is checked (no name another playbook goes by),
         * kept and deployed one at a time, so that two uploads at once cannot both take one name.
         */
        PLAYBOOK_NAMES,
        /**
         * The admins' problems: a job that failed for good is listed (a new problem, or counted on the one
         * of its step and cause) one at a time, so that two jobs of a step failing at once (a multi-instance
         * step's parallel instances) count on one problem instead of each making its own.
         */
        JOB_PROBLEMS
    }

    /** The two-int key space's first half for every Baton lock ("BAT" and a zero byte). */
    private static final int BATON = 0x42415400;

    private final JdbcTemplate jdbc;

    AdvisoryLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits until no other transaction holds the subject's lock, then holds it until the caller's
     * transaction ends (commit or rollback). Taking it again in the same transaction is harmless.
     *
     * @param subject what to change one at a time
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction:
     *     the lock would end with the statement
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(Subject subject) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", BATON, subject.ordinal() + 1);
    }

    /**
     * The lock's shared form, for a change that only reads what {@link #hold} changes and must not
     * interleave with such a change, but may run beside another of its kind (claims of tasks judged by
     * whether the claimer is being handed over): waits while a transaction {@link #hold}s the subject,
     * and makes a {@link #hold} wait until the caller's transaction ends.
     *
     * @param subject what the caller's checks read
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void share(Subject subject) {
        jdbc.queryForList("select pg_advisory_xact_lock_shared(?, ?)", BATON, subject.ordinal() + 1);
    }
}
