package dev.baton.handover;

import dev.baton.people.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Handovers extends JpaRepository<Handover, Long> {

    /**
     * Whether the person is departing in a handover in one of the statuses. A query string, not a
     * derived query: Spring Data builds a derived {@code exists} as a criteria query, which Hibernate
     * translates to SQL anew on every call, and a transfer asks this once per account.
     */
    @Query("select case when count(h) > 0 then true else false end from Handover h"
            + " where h.departing = :departing and h.status in :statuses")
    boolean existsByDepartingAndStatusIn(Person departing, Collection<HandoverStatus> statuses);

    /**
     * The day the person leaves the company, when a completed handover for leaving says so and that
     * day is {@code today} or later; empty otherwise.
     */
    @Query("""
            select max(h.effectiveDate) from Handover h
            where h.departing = :person and h.reason = dev.baton.handover.HandoverReason.LEAVING
              and h.status = dev.baton.handover.HandoverStatus.COMPLETED and h.effectiveDate >= :today""")
    Optional<LocalDate> leavingOn(Person person, LocalDate today);

    Page<Handover> findByDepartingIdIn(Collection<Long> departingIds, Pageable page);

    List<Handover> findByStatusAndCreatedAtBeforeOrderById(HandoverStatus status, Instant before);
}
