package dev.baton.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxMessages extends JpaRepository<OutboxMessage, Long> {

    /**
     * Locks up to {@code limit} due messages for the current transaction. Rows another transaction
     * (another instance's dispatcher) has locked are skipped, so two dispatchers never claim the same row.
     */
    @Query(value = """
          select * from outbox_message
          where status = 'PENDING' and next_attempt_at <= :now
          order by next_attempt_at, id
          limit :limit
          for update skip locked""", nativeQuery = true)
    List<OutboxMessage> claimDue(Instant now, int limit);

    /** The one mail with this key: for a key never queued again after a withdrawal (else use {@link #findByDedupKeyIn}). */
    Optional<OutboxMessage> findByDedupKey(String dedupKey);

    List<OutboxMessage> findTop200ByStatusOrderByIdDesc(OutboxStatus status);

    List<OutboxMessage> findByDedupKeyIn(java.util.Collection<String> dedupKeys);
}
