package dev.baton.stewardship;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StewardshipContacts extends JpaRepository<StewardshipContact, Long> {

    List<StewardshipContact> findByReviewIdOrderById(Long reviewId);

    /** The contacts these reviews list, for a page of reviews. */
    List<StewardshipContact> findByReviewIdIn(java.util.Collection<Long> reviewIds);

    Optional<StewardshipContact> findByReviewIdAndContactId(Long reviewId, Long contactId);

    Optional<StewardshipContact> findFirstByContactIdAndOutcomeOrderByIdDesc(
            Long contactId, StewardshipContact.Outcome outcome);
}
