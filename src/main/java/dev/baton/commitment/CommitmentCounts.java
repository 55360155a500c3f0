package dev.baton.commitment;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How an account's commitments stand, by the register's definitions of open and overdue. */
@Service
public class CommitmentCounts {

    /**
     * @param open proposed, accepted, delivered or rejected ({@link CommitmentStatus#OPEN})
     * @param overdue not yet delivered and due before today ({@link Commitment#isOverdue})
     * @param breached marked breached
     */
    public record Counts(long open, long overdue, long breached) {}

    private final Commitments commitments;
    private final Clock clock;

    CommitmentCounts(Commitments commitments, Clock clock) {
        this.commitments = commitments;
        this.clock = clock;
    }

    /** The account's counts; all zero for an account without commitments (or one that does not exist). */
    @Transactional(readOnly = true)
    public Counts of(long accountId) {
        LocalDate today = LocalDate.now(clock);
        long open = 0;
        long overdue = 0;
        long breached = 0;
        for (Commitment c : commitments.findByAccountIdOrderByDueDate(accountId)) {
            open += CommitmentStatus.OPEN.contains(c.getStatus()) ? 1 : 0;
            overdue += c.isOverdue(today) ? 1 : 0;
            breached += c.getStatus() == CommitmentStatus.BREACHED ? 1 : 0;
        }
        return new Counts(open, overdue, breached);
    }
}
