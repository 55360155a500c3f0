package dev.baton.handover;

import dev.baton.people.Person;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Handovers extends JpaRepository<Handover, Long> {

    /**
     * Where a person stands, in one query (a transfer's re-check asks it once per account, so without a
     * collection parameter: Hibernate keeps a query's SQL only then): one row of how many of their
     * handovers are under way (starting or running) and the latest effective date of their completed
     * handovers for leaving (null for none). Whether that day has passed is judged where they are, by the
     * caller.
     */
    @Query("""
            select count(case when h.status in (dev.baton.handover.HandoverStatus.STARTING,
                                                dev.baton.handover.HandoverStatus.RUNNING) then 1 end),
                   max(case when h.reason = dev.baton.handover.HandoverReason.LEAVING
                             and h.status = dev.baton.handover.HandoverStatus.COMPLETED then h.effectiveDate end)
            from Handover h where h.departing = :person""")
    List<Object[]> departureOf(Person person);

    /**
     * {@link #departureOf} for many people: a row per person who has any handover, of their id, then the
     * same two values; people with none have no row.
     */
    @Query("""
            select h.departing.id,
                   count(case when h.status in (dev.baton.handover.HandoverStatus.STARTING,
                                                dev.baton.handover.HandoverStatus.RUNNING) then 1 end),
                   max(case when h.reason = dev.baton.handover.HandoverReason.LEAVING
                             and h.status = dev.baton.handover.HandoverStatus.COMPLETED then h.effectiveDate end)
            from Handover h where h.departing.id in :personIds
            group by h.departing.id""")
    List<Object[]> departuresOf(Collection<Long> personIds);

    /**
     * Whether a handover of {@code person}'s has moved account {@code accountId} from them (its item was
     * transferred, whatever became of the handover since): the departing index, then the item's unique
     * (handover, account) index.
     */
    @Query("""
            select count(i) > 0 from HandoverItem i
            where i.handover.departing = :person and i.account.id = :accountId and i.transferredAt is not null""")
    boolean movedAwayFrom(Person person, long accountId);

    Page<Handover> findByDepartingIdIn(Collection<Long> departingIds, Pageable page);

    /** The handovers whose rep-handover instance is one of these. */
    List<Handover> findByProcessInstanceKeyIn(Collection<Long> processInstanceKeys);

    List<Handover> findByStatusAndCreatedAtBeforeOrderById(HandoverStatus status, Instant before);
}
