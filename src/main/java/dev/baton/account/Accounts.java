package dev.baton.account;

import dev.baton.people.Person;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface Accounts extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

    long countByOwner(Person owner);

    List<Account> findByOwnerOrderByNameAscIdAsc(Person owner);

    @Query("select distinct a.owner.id from Account a where a.owner.active = true order by a.owner.id")
    List<Long> findActiveOwnerIds();

    /** Customers (not churned) with a renewal date in the inclusive range, by id. */
    List<Account> findByRenewalDateBetweenAndChurnedOnIsNullOrderById(LocalDate from, LocalDate to);

    @Query(
            "select o from Account a join a.owner o where a.territory = :territory group by o order by count(a) desc, o.username")
    List<Person> findOwnersInTerritory(String territory);
}
