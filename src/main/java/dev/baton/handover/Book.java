package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.account.Contact;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.people.Person;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a person owns, read straight from the owning features' tables: reads only. Every change
 * goes through the owning feature's service, so it stays guarded and audited there.
 */
@Component
class Book {

  /** Contact data older than this is to be re-verified by the successor. */
  static final Duration STALE_AFTER = Duration.ofDays(365);

  private final EntityManager em;

  Book(EntityManager em) {
    this.em = em;
  }

  List<Account> accounts(Person owner) {
    return em.createQuery("select a from Account a where a.owner = :owner order by a.name, a.id", Account.class)
        .setParameter("owner", owner).getResultList();
  }

  List<Commitment> openCommitments(Person owner) {
    return em.createQuery("select c from Commitment c where c.owner = :owner and c.status in :open order by c.dueDate",
            Commitment.class)
        .setParameter("owner", owner).setParameter("open", CommitmentStatus.OPEN).getResultList();
  }

  List<Commitment> openCommitments(Person owner, Long accountId) {
    return em.createQuery("select c from Commitment c where c.owner = :owner and c.status in :open"
            + " and c.account.id = :account order by c.id", Commitment.class)
        .setParameter("owner", owner).setParameter("open", CommitmentStatus.OPEN).setParameter("account", accountId)
        .getResultList();
  }

  List<Commitment> openCommitmentsOf(Long accountId) {
    return em.createQuery("select c from Commitment c where c.account.id = :account and c.status in :open"
            + " order by c.dueDate", Commitment.class)
        .setParameter("account", accountId).setParameter("open", CommitmentStatus.OPEN).getResultList();
  }

  List<Contact> contacts(Long accountId) {
    return em.createQuery("select c from Contact c where c.account.id = :account order by c.primary desc, c.fullName",
            Contact.class)
        .setParameter("account", accountId).getResultList();
  }

  List<Contact> staleContacts(Person owner, Instant now) {
    return em.createQuery("select c from Contact c where c.account.owner = :owner order by c.account.name, c.fullName",
            Contact.class)
        .setParameter("owner", owner).getResultList().stream().filter(c -> c.isStale(now, STALE_AFTER)).toList();
  }

  /** Accounts each candidate owns now, for balancing a team's books. */
  long accountCount(Person owner) {
    return em.createQuery("select count(a) from Account a where a.owner = :owner", Long.class)
        .setParameter("owner", owner).getSingleResult();
  }

  /** Who owns accounts in the territory, the one with most of them first. */
  List<Person> ownersInTerritory(String territory) {
    return em.createQuery("select o from Account a join a.owner o where a.territory = :territory"
            + " group by o order by count(a) desc, o.username", Person.class)
        .setParameter("territory", territory).getResultList();
  }
}
