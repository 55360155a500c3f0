package dev.baton.commitment;

import dev.baton.people.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface Commitments extends JpaRepository<Commitment, Long> {

    List<Commitment> findByAccountIdOrderByDueDate(Long accountId);

    List<Commitment> findByOwnerAndStatusInOrderByDueDate(Person owner, Collection<CommitmentStatus> statuses);

    /**
     * {@link CommitmentStatus#OPEN} as a JPQL list. A literal, not a collection parameter: Hibernate
     * 6.6 caches a JPQL string's SQL, but translates a query with a collection parameter (or a
     * derived query) anew on every call, and a handover asks these for every account.
     */
    String OPEN_STATUSES =
            "(dev.baton.commitment.CommitmentStatus.PROPOSED, dev.baton.commitment.CommitmentStatus.ACCEPTED,"
                    + " dev.baton.commitment.CommitmentStatus.DELIVERED, dev.baton.commitment.CommitmentStatus.REJECTED)";

    /**
     * The commitment with what its process's steps read: the account and its owner, the maker, the
     * owner and their managers, the delivering team. One statement instead of one per association,
     * for the step that runs whenever the commitment's process starts or is re-routed.
     */
    @Query("""
      select c from Commitment c join fetch c.account a left join fetch a.owner join fetch c.madeBy m
        left join fetch m.manager left join fetch c.owner o left join fetch o.manager
        left join fetch c.deliveringTeam
      where c.id = :id""")
    Optional<Commitment> findForProcessStepById(long id);

    /**
     * Takes a share lock on the commitment's row until the transaction ends: a change being committed
     * (it holds the row from its flush) is waited for, so what is read next is as committed; a change
     * that comes after waits for this transaction. Empty for an unknown id.
     */
    @Query(value = "select id from commitment where id = :id for share", nativeQuery = true)
    Optional<Long> lockForShare(long id);

    /** The owner's open commitments on one account, by id. */
    @Query("select c from Commitment c where c.owner = :owner and c.account.id = :accountId and c.status in "
            + OPEN_STATUSES + " order by c.id")
    List<Commitment> findOpenByOwnerAndAccountId(Person owner, Long accountId);

    /** The account's open commitments as values (what, where it stands, by when), nearest due date first. */
    @Query("select new dev.baton.commitment.OpenPromise(c.description, c.status, c.dueDate) from Commitment c"
            + " where c.account.id = :accountId and c.status in " + OPEN_STATUSES + " order by c.dueDate")
    List<OpenPromise> findPromisesByAccountId(Long accountId);

    /** The account's open commitments, nearest due date first. */
    @Query("select c from Commitment c where c.account.id = :accountId and c.status in " + OPEN_STATUSES
            + " order by c.dueDate")
    List<Commitment> findOpenByAccountId(Long accountId);

    /** The owner's open commitments per account, as (account id, count) rows; accounts with none have no row. */
    @Query("select c.account.id, count(c) from Commitment c where c.owner = :owner and c.account.id in :accountIds"
            + " and c.status in " + OPEN_STATUSES + " group by c.account.id")
    List<Object[]> countOpenByOwnerAndAccount(Person owner, Collection<Long> accountIds);

    @Query("select c.id from Commitment c where c.contact.id = :contactId order by c.id")
    List<Long> idsByContact(Long contactId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(
            value = "update commitment set contact_id = :to, version = version + 1 where contact_id = :from",
            nativeQuery = true)
    int moveContact(long from, long to);

    long countByOwnerIdAndStatusIn(Long ownerId, Collection<CommitmentStatus> statuses);

    /** Those among {@code ownerIds} who own at least one open commitment. */
    @Query("select distinct c.owner.id from Commitment c where c.owner.id in :ownerIds and c.status in "
            + OPEN_STATUSES)
    List<Long> findOwnerIdsWithOpenAmong(Collection<Long> ownerIds);

    /**
     * Records the first process instance that reads the commitment; idempotent, and leaves the version
     * alone. SQL, not JPQL: Hibernate 6 translates a JPQL update anew on every call.
     */
    @Modifying
    @Query(
            value = "update commitment set process_instance_key = :key where id = :id and process_instance_key is null",
            nativeQuery = true)
    int attachProcess(long id, long key);

    /** The sweep's work: open commitments no process follows yet, oldest first. */
    @Query("""
      select c from Commitment c join fetch c.account
      where c.processInstanceKey is null and c.status in :open and c.id > :afterId and c.createdAt < :before
        and (:accountId is null or c.account.id = :accountId)
      order by c.id""")
    List<Commitment> findOpenWithoutProcess(
            Collection<CommitmentStatus> open, long afterId, Instant before, Long accountId, Limit limit);

    @Query("""
      select c.id from Commitment c left join c.owner o
      where c.processInstanceKey is not null and c.status in :statuses and (o is null or o.active = false)
        and (:accountId is null or c.account.id = :accountId)""")
    List<Long> findFollowedWithoutActiveOwner(Collection<CommitmentStatus> statuses, Long accountId);

    /**
     * Rows of (account id, due date, owner's zone or null) for the given accounts' commitments due before
     * {@code day}: the candidates for overdue, judged per owner's zone by the caller.
     */
    @Query("""
      select c.account.id, c.dueDate, o.timeZone from Commitment c left join c.owner o
      where c.account.id in :accountIds and c.status in :statuses and c.dueDate < :day""")
    List<Object[]> findDueBeforeByAccount(
            Collection<Long> accountIds, Collection<CommitmentStatus> statuses, LocalDate day);
}
