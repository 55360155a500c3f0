package dev.baton.account;

import dev.baton.people.Person;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Accounts extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

    long countByOwner(Person owner);

    /** Those among {@code ownerIds} who own at least one account. */
    @Query("select distinct a.owner.id from Account a where a.owner.id in :ownerIds")
    List<Long> findOwnerIdsAmong(Collection<Long> ownerIds);

    /** The ids of the accounts {@code ownerIds} own. */
    @Query("select a.id from Account a where a.owner.id in :ownerIds")
    List<Long> findIdsByOwnerIdIn(Collection<Long> ownerIds);

    /** The accounts among {@code ids}, each with its owner read in the same query. */
    @Query("select a from Account a left join fetch a.owner where a.id in :ids")
    List<Account> findWithOwnerByIdIn(Collection<Long> ids);

    /** How many accounts each of {@code ownerIds} owns, as (owner id, count) rows; owners of none have no row. */
    @Query("select a.owner.id, count(a) from Account a where a.owner.id in :ownerIds group by a.owner.id")
    List<Object[]> countByOwnerIdIn(Collection<Long> ownerIds);

    List<Account> findByOwnerOrderByNameAscIdAsc(Person owner);

    /** {@link #findByOwnerOrderByNameAscIdAsc}, each row held until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.owner = :owner order by a.name, a.id")
    List<Account> lockByOwner(Person owner);

    /** The account, its row held until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    java.util.Optional<Account> lockById(Long id);

    @Query("select distinct a.owner.id from Account a where a.owner.active = true order by a.owner.id")
    List<Long> findActiveOwnerIds();

    /** Customers (not churned) with a renewal date in the inclusive range, by id. */
    List<Account> findByRenewalDateBetweenAndChurnedOnIsNullOrderById(LocalDate from, LocalDate to);

    /** Every territory accounts are in, each spelling once (few, however many accounts). */
    @Query("select distinct a.territory from Account a where a.territory is not null")
    List<String> findTerritories();

    /** Who owns accounts in any of these territories (spelled exactly so), the one with most of them first. */
    @Query(
            "select o from Account a join a.owner o where a.territory in :territories group by o order by count(a) desc, o.username")
    List<Person> findOwnersInTerritories(Collection<String> territories);
}
