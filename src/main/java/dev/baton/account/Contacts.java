package dev.baton.account;

import dev.baton.people.Person;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface Contacts extends JpaRepository<Contact, Long> {

    List<Contact> findByAccountIdOrderByFullName(Long accountId);

    Optional<Contact> findByAccountIdAndPrimaryTrue(Long accountId);

    Optional<Contact> findByAccountIdAndChampionTrue(Long accountId);

    /** JPQL, whose SQL Hibernate 6.6 caches (a derived query is translated anew on every call). */
    @Query("select c from Contact c where c.account.id = :accountId order by c.primary desc, c.fullName asc")
    List<Contact> findByAccountIdOrderByPrimaryDescFullNameAsc(Long accountId);

    /**
     * The ids of the contacts among {@code ids} that exist, each row held until the transaction ends,
     * locked in id order: two merges of one pair, either way round, wait for each other instead of
     * deadlocking, and the second finds the first's duplicate gone. Ids, not entities: a merge reads the
     * contacts after what refers to them has moved (a bulk update that clears the persistence context).
     */
    @Query(value = "select id from contact where id in (:ids) order by id for update", nativeQuery = true)
    List<Long> lockIds(java.util.Collection<Long> ids);

    @Query("select c from Contact c join fetch c.account a where c.id in :ids order by a.name, c.fullName, c.id")
    List<Contact> findByIdsWithAccount(java.util.Collection<Long> ids);

    @Query("select c from Contact c join fetch c.account a where a.owner = :owner order by a.name, c.fullName")
    List<Contact> findOfAccountsOwnedBy(Person owner);

    /**
     * A merge of two contacts: the CRM ids of the duplicate, its own and the others kept for it (see
     * {@link AccountImports#keepOtherIds}), become other ids of the survivor, so files naming them find
     * the survivor; call before the duplicate is deleted.
     */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
        with moved as (update contact_other_id set contact_id = :to where contact_id = :from)
        insert into contact_other_id (external_source, external_id, contact_id)
        select external_source, external_id, :to from contact where id = :from and external_id is not null
        on conflict (external_source, external_id) do nothing""")
    int keepIdsOf(long from, long to);
}
