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
     * Whether the person is departing in a handover still starting or running. The statuses are
     * literals: Hibernate keeps a query's SQL only when no parameter is a collection (an IN list's
     * size changes the SQL), and a transfer asks this once per account.
     */
    @Query(
            "select case when count(h) > 0 then true else false end from Handover h where h.departing = :departing"
                    + " and h.status in (dev.baton.handover.HandoverStatus.STARTING, dev.baton.handover.HandoverStatus.RUNNING)")
    boolean isDepartingInOpenHandover(Person departing);

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
