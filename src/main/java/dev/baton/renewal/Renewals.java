package dev.baton.renewal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface Renewals extends JpaRepository<Renewal, Long> {

    /**
     * Opens the renewal unless one exists for the account and date (another run, instance or restart
     * opened it): the unique key decides, without a lock or a failed transaction.
     *
     * @return 1 when this call opened it, 0 when it existed
     */
    @Modifying
    @Query(value = """
            insert into renewal (account_id, renewal_date, opened_at) values (:accountId, :renewalDate, :at)
            on conflict on constraint renewal_once_per_account_and_date do nothing""", nativeQuery = true)
    int open(long accountId, LocalDate renewalDate, Instant at);

    Optional<Renewal> findByAccountIdAndRenewalDate(long accountId, LocalDate renewalDate);

    /** The account's renewals, ended ones too (a handful: one a year). */
    List<Renewal> findByAccountId(long accountId);

    /**
     * One page of the renewals of every account ({@code all}) or of {@code accountIds}: the running ones
     * first, soonest renewal date first; then the ended ones (renewed or churned), latest decided first.
     */
    @Query(
            value = "select r from Renewal r where (:all = true or r.accountId in :accountIds) order by"
                    + " case when r.decision in " + CLOSED + " then 1 else 0 end,"
                    + " case when r.decision in " + CLOSED + " then r.decidedAt end desc, r.renewalDate, r.id desc",
            countQuery = "select count(r) from Renewal r where (:all = true or r.accountId in :accountIds)")
    Page<Renewal> findVisible(boolean all, Collection<Long> accountIds, Pageable pageable);

    /** The decisions that end a renewal ({@link Renewal#isClosed}), as a JPQL list. */
    String CLOSED = "(dev.baton.renewal.Renewal.Decision.RENEWED, dev.baton.renewal.Renewal.Decision.CHURNED)";
}
