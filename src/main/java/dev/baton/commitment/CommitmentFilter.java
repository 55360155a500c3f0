package dev.baton.commitment;

import java.time.LocalDate;

/**
 * The commitment register's filters; null (or false for the flags) means "any". {@code unowned}: open
 * with no active owner (the invariant's violations); {@code dueFrom}/{@code dueTo} are inclusive;
 * {@code open}: still owed ({@link CommitmentStatus#OPEN}). {@link RegisterQuery} turns it into SQL.
 */
public record CommitmentFilter(
        CommitmentStatus status,
        Long ownerId,
        Long teamId,
        Long accountId,
        boolean overdue,
        boolean unowned,
        boolean rejected,
        LocalDate dueFrom,
        LocalDate dueTo,
        boolean open) {

    /** Without the open-only flag. */
    public CommitmentFilter(
            CommitmentStatus status,
            Long ownerId,
            Long teamId,
            Long accountId,
            boolean overdue,
            boolean unowned,
            boolean rejected,
            LocalDate dueFrom,
            LocalDate dueTo) {
        this(status, ownerId, teamId, accountId, overdue, unowned, rejected, dueFrom, dueTo, false);
    }

    /** The register's first filters, kept for callers that need no more. */
    public CommitmentFilter(
            CommitmentStatus status, Long ownerId, Long teamId, Long accountId, boolean overdue, boolean unowned) {
        this(status, ownerId, teamId, accountId, overdue, unowned, false, null, null);
    }

    public static CommitmentFilter ofAccount(Long accountId) {
        return new CommitmentFilter(null, null, null, accountId, false, false);
    }

    /** The same scope (owner, team, account, due window) without the status filters: for the counts. */
    CommitmentFilter scope() {
        return new CommitmentFilter(null, ownerId, teamId, accountId, false, false, false, dueFrom, dueTo);
    }

    CommitmentFilter with(CommitmentStatus onlyStatus, boolean onlyOverdue, boolean onlyUnowned) {
        return new CommitmentFilter(
                onlyStatus, ownerId, teamId, accountId, onlyOverdue, onlyUnowned, false, dueFrom, dueTo);
    }

    /** The same filter for open commitments, without {@code unowned}: what both parts of "unowned" share. */
    CommitmentFilter openRest() {
        return new CommitmentFilter(status, ownerId, teamId, accountId, overdue, false, rejected, dueFrom, dueTo, true);
    }
}
