package dev.baton.account;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface Interactions extends JpaRepository<Interaction, Long> {

    Page<Interaction> findByAccountId(Long accountId, Pageable pageable);

    List<Interaction> findByAccountIdOrderByOccurredAtDesc(Long accountId);

    /** Interactions with who logged them and the contact: one query for a page of the timeline. */
    @org.springframework.data.jpa.repository.EntityGraph(attributePaths = {"by", "contact"})
    List<Interaction> findWithPeopleByIdIn(java.util.Collection<Long> ids);

    /** A merge of two contacts: the duplicate's interactions become the survivor's. */
    @Modifying(flushAutomatically = true)
    @Query("update Interaction i set i.contact = :to where i.contact = :from")
    int moveContact(Contact from, Contact to);
}
