package dev.baton.stewardship;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StewardshipReviews extends JpaRepository<StewardshipReview, Long> {

    /**
     * Opens a review for the owner unless one is open (another run or instance opened it): the partial
     * unique index decides.
     *
     * @return 1 when this call opened it, 0 when one was open
     */
    @Modifying
    @Query(value = """
            insert into stewardship_review (owner_id, opened_at) values (:ownerId, :at)
            on conflict (owner_id) where closed_at is null do nothing""", nativeQuery = true)
    int open(long ownerId, Instant at);

    Optional<StewardshipReview> findByOwnerIdAndClosedAtIsNull(long ownerId);

    boolean existsByOwnerIdAndOpenedAtAfter(long ownerId, Instant after);
}
