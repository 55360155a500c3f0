package dev.baton.renewal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
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
}
