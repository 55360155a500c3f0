package dev.baton.stewardship;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StewardshipContacts extends JpaRepository<StewardshipContact, Long> {

    List<StewardshipContact> findByReviewIdOrderById(Long reviewId);

    Optional<StewardshipContact> findByReviewIdAndContactId(Long reviewId, Long contactId);

    Optional<StewardshipContact> findFirstByContactIdAndOutcomeOrderByIdDesc(
            Long contactId, StewardshipContact.Outcome outcome);
}
