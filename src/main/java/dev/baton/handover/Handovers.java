package dev.baton.handover;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    Page<Handover> findByDepartingIdIn(Collection<Long> departingIds, Pageable page);

    List<Handover> findByStatusAndCreatedAtBeforeOrderById(HandoverStatus status, Instant before);
}
