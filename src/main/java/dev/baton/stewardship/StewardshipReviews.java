package dev.baton.stewardship;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

    /**
     * One page of every owner's reviews ({@code all}) or of {@code ownerIds}': the open ones first, then the
     * closed ones, each newest first.
     */
    @Query(
            value = "select r from StewardshipReview r where (:all = true or r.ownerId in :ownerIds) order by"
                    + " case when r.closedAt is null then 0 else 1 end, r.openedAt desc, r.id desc",
            countQuery = "select count(r) from StewardshipReview r where (:all = true or r.ownerId in :ownerIds)")
    Page<StewardshipReview> findVisible(boolean all, Collection<Long> ownerIds, Pageable pageable);
}
