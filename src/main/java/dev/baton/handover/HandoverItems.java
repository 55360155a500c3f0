package dev.baton.handover;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Items are read with what their readers always touch (one query instead of one per association):
 * most steps read its handover, the departing person, the account and the successor; the answers
 * kept as steps complete and the acknowledgement read the successor only; the lists of a handover's
 * items (progress page, summary mail) read each item's account and successor.
 */
public interface HandoverItems extends JpaRepository<HandoverItem, Long> {

    /**
     * What a step reads with its item: the handover, the account, the departing person and the
     * successor with their roles (an eager collection, which would otherwise cost a second query).
     */
    String WITH_CONTEXT = "select i from HandoverItem i join fetch i.handover h join fetch h.departing d"
            + " left join fetch d.roles join fetch i.account left join fetch i.successor s left join fetch s.roles";

    /** An item with its successor and their roles; the handover, its people and the account stay lazy. */
    String WITH_SUCCESSOR = "select i from HandoverItem i left join fetch i.successor s left join fetch s.roles";

    /** Every automated step reads its item this way: JPQL, whose SQL Hibernate caches (see People#findByUsername). */
    @Query(WITH_CONTEXT + " where i.id = :id")
    Optional<HandoverItem> findWithContextById(long id);

    /**
     * The item a handover step's task is about, for keeping the step's answer on it: with its successor
     * (the call's audit record names them) and nothing else. Most answers touch only the item, so the
     * handover, its departing person and the account stay lazy; a question asked or a successor chosen
     * reads the departing person when it needs them.
     */
    @Query(WITH_SUCCESSOR + " where i.handover.id = :handoverId and i.account.id = :accountId")
    Optional<HandoverItem> findForAnswerByHandoverIdAndAccountId(long handoverId, long accountId);

    /** The item with its successor alone, for the acknowledgement step (see {@link #findForAnswerByHandoverIdAndAccountId}). */
    @Query(WITH_SUCCESSOR + " where i.id = :id")
    Optional<HandoverItem> findWithSuccessorById(long id);

    /**
     * Whether the item's introduction call is recorded already, without loading the item. JPQL, not a
     * derived query: Hibernate builds and translates a derived query's criteria anew on every call, and
     * this one runs once per account of every handover.
     */
    @Query("select count(i) > 0 from HandoverItem i where i.id = :id and i.callHeldAt is not null")
    boolean existsByIdAndCallHeldAtIsNotNull(long id);

    /** A handover's items by id, with each item's account and successor (the summary, the orphan check). */
    @Query("select i from HandoverItem i join fetch i.account left join fetch i.successor"
            + " where i.handover.id = :handoverId order by i.id")
    List<HandoverItem> findByHandoverIdOrderById(Long handoverId);

    /** One page of a handover's items, with each item's account and successor. */
    @EntityGraph(attributePaths = {"account", "successor"})
    Page<HandoverItem> findByHandoverId(Long handoverId, Pageable pageable);

    long countByHandoverId(Long handoverId);

    /**
     * The items of these accounts in starting or running handovers that have not moved them yet (at most
     * one per account: a person is handed over once at a time, and the account is theirs until it moves),
     * with the account, handover, departing person and successor.
     */
    @Query("""
      select i from HandoverItem i join fetch i.account join fetch i.handover h join fetch h.departing
        left join fetch i.successor
      where i.account.id in :accountIds and i.transferredAt is null
        and h.status in (dev.baton.handover.HandoverStatus.STARTING, dev.baton.handover.HandoverStatus.RUNNING)""")
    List<HandoverItem> findStillToMove(Collection<Long> accountIds);

    /** Accounts a starting or running handover is still to move to {@code successor} (not yet transferred). */
    @Query("""
      select count(i) from HandoverItem i where i.successor = :successor and i.transferredAt is null
        and i.handover.status in (dev.baton.handover.HandoverStatus.STARTING, dev.baton.handover.HandoverStatus.RUNNING)""")
    long countIncomingTo(dev.baton.people.Person successor);

    /**
     * The starting or running handovers still to move accounts to {@code successor}, each with how many
     * ({@code [handover id, count]}), oldest handover first.
     */
    @Query("""
      select i.handover.id, count(i) from HandoverItem i where i.successor = :successor and i.transferredAt is null
        and i.handover.status in (dev.baton.handover.HandoverStatus.STARTING, dev.baton.handover.HandoverStatus.RUNNING)
      group by i.handover.id order by i.handover.id""")
    List<Object[]> countIncomingToByHandover(dev.baton.people.Person successor);

    /** Of the people {@code ids}, those a starting or running handover is still to move accounts to. */
    @Query("""
      select distinct i.successor.id from HandoverItem i where i.successor.id in :ids and i.transferredAt is null
        and i.handover.status in (dev.baton.handover.HandoverStatus.STARTING, dev.baton.handover.HandoverStatus.RUNNING)""")
    Set<Long> withAccountsIncomingAmong(Collection<Long> ids);

    /**
     * The full names of the departing people whose starting or running handovers are still to move
     * accounts to {@code successor}, in name order.
     */
    @Query("""
      select distinct i.handover.departing.fullName from HandoverItem i where i.successor = :successor
        and i.transferredAt is null
        and i.handover.status in (dev.baton.handover.HandoverStatus.STARTING, dev.baton.handover.HandoverStatus.RUNNING)
      order by i.handover.departing.fullName""")
    List<String> departingWithAccountsIncomingTo(dev.baton.people.Person successor);

    long countByHandoverIdAndStep(Long handoverId, HandoverStep step);

    /** The handover's accounts that moved to their successor. */
    long countByHandoverIdAndTransferredAtIsNotNull(Long handoverId);

    /**
     * The failed transfer held at that element instance was started again: the item waits for its
     * move as before the failure (step WRITING_NOTE, which it had then). Changes nothing when the
     * restarted step has moved the account or failed anew already (it then holds another element
     * instance). A conditional update, so that it never clashes with that step's own write. The
     * instance's key stays: it marks the failure until the account moves, whose step then resolves
     * the problem listed for it ({@code HandoverItem.transferFailedBefore}).
     *
     * @return 1 when cleared, else 0
     */
    @Modifying
    @Transactional
    @Query("""
            update HandoverItem i set i.transferFailedAt = null, i.transferFailure = null,
              i.transferElementInstanceKey = null,
              i.step = dev.baton.handover.HandoverStep.WRITING_NOTE
            where i.id = :itemId and i.transferElementInstanceKey = :elementInstanceKey""")
    int clearTransferFailure(long itemId, long elementInstanceKey);

    @Query("select i from HandoverItem i where i.handover.id = :handoverId and i.account.id = :accountId")
    Optional<HandoverItem> findByHandoverIdAndAccountId(Long handoverId, Long accountId);

    /** An account's items that carry a note, newest first, with their handover and its people. */
    @Query("""
      select i from HandoverItem i join fetch i.handover h join fetch h.departing left join fetch i.successor
      where i.account.id = :accountId and i.note is not null
      order by i.noteWrittenAt desc nulls last, i.id desc""")
    List<HandoverItem> findNotesOfAccount(Long accountId);
}
