package dev.baton.handover;

import dev.baton.people.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Handovers extends JpaRepository<Handover, Long> {

    /** The ids of those among {@code personIds} a handover in one of {@code statuses} hands over. */
    @Query(
            "select distinct h.departing.id from Handover h where h.departing.id in :personIds and h.status in :statuses")
    Set<Long> departingAmong(Collection<Long> personIds, Collection<HandoverStatus> statuses);

    /**
     * Each of {@code personIds} a completed handover for leaving hands over, with the latest effective
     * date of those handovers: rows of person id and day (whether that day has passed is judged where
     * each person is, by the caller).
     */
    @Query("""
            select h.departing.id, max(h.effectiveDate) from Handover h
            where h.departing.id in :personIds and h.reason = dev.baton.handover.HandoverReason.LEAVING
              and h.status = dev.baton.handover.HandoverStatus.COMPLETED
            group by h.departing.id""")
    List<Object[]> lastLeavingDays(Collection<Long> personIds);

    /**
     * {@link #departingAmong} for one person, with the statuses still starting or running as literals:
     * Hibernate keeps a query's SQL only when no parameter is a collection (an IN list's size changes
     * the SQL), and a transfer's re-check asks this once per account.
     */
    @Query(
            "select case when count(h) > 0 then true else false end from Handover h where h.departing = :departing"
                    + " and h.status in (dev.baton.handover.HandoverStatus.STARTING, dev.baton.handover.HandoverStatus.RUNNING)")
    boolean isDepartingInOpenHandover(Person departing);

    /**
     * {@link #isDepartingInOpenHandover} and {@link #lastLeavingDay} in one query, for a transfer's
     * re-check of its successor (once per account): one row of the number of the person's handovers
     * under way and the latest effective date of their completed handovers for leaving (null for none).
     */
    @Query("""
            select count(case when h.status in (dev.baton.handover.HandoverStatus.STARTING,
                                                dev.baton.handover.HandoverStatus.RUNNING) then 1 end),
                   max(case when h.reason = dev.baton.handover.HandoverReason.LEAVING
                             and h.status = dev.baton.handover.HandoverStatus.COMPLETED then h.effectiveDate end)
            from Handover h where h.departing = :person""")
    List<Object[]> departureOf(Person person);

    /** {@link #lastLeavingDays} for one person, without a collection parameter (see {@link #isDepartingInOpenHandover}). */
    @Query("""
            select max(h.effectiveDate) from Handover h
            where h.departing = :person and h.reason = dev.baton.handover.HandoverReason.LEAVING
              and h.status = dev.baton.handover.HandoverStatus.COMPLETED""")
    Optional<LocalDate> lastLeavingDay(Person person);

    Page<Handover> findByDepartingIdIn(Collection<Long> departingIds, Pageable page);

    List<Handover> findByStatusAndCreatedAtBeforeOrderById(HandoverStatus status, Instant before);
}
