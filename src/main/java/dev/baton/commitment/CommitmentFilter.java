package dev.baton.commitment;

import dev.baton.people.Person;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import org.springframework.data.jpa.domain.Specification;

/**
 * The commitment register's filters; null (or false for the flags) means "any". {@code unowned}: open
 * with no active owner (the invariant's violations); {@code dueFrom}/{@code dueTo} are inclusive.
 */
public record CommitmentFilter(
    CommitmentStatus status, Long ownerId, Long teamId, Long accountId, boolean overdue, boolean unowned,
    boolean rejected, LocalDate dueFrom, LocalDate dueTo) {

  /** The register's first filters, kept for callers that need no more. */
  public CommitmentFilter(
      CommitmentStatus status, Long ownerId, Long teamId, Long accountId, boolean overdue, boolean unowned) {
    this(status, ownerId, teamId, accountId, overdue, unowned, false, null, null);
  }

  public static CommitmentFilter ofAccount(Long accountId) {
    return new CommitmentFilter(null, null, null, accountId, false, false);
  }

  /** The same scope (owner, team, account, due window) without the status filters: for the counts. */
  CommitmentFilter scope() {
    return new CommitmentFilter(null, ownerId, teamId, accountId, false, false, false, dueFrom, dueTo);
  }

  CommitmentFilter with(CommitmentStatus onlyStatus, boolean onlyOverdue, boolean onlyUnowned) {
    return new CommitmentFilter(onlyStatus, ownerId, teamId, accountId, onlyOverdue, onlyUnowned, false, dueFrom, dueTo);
  }

  Specification<Commitment> toSpecification(LocalDate today) {
    Specification<Commitment> spec = (root, query, cb) -> cb.conjunction();
    if (status != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
    }
    if (rejected) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), CommitmentStatus.REJECTED));
    }
    if (ownerId != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("owner").get("id"), ownerId));
    }
    if (teamId != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("deliveringTeam").get("id"), teamId));
    }
    if (accountId != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("account").get("id"), accountId));
    }
    if (dueFrom != null) {
      spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("dueDate"), dueFrom));
    }
    if (dueTo != null) {
      spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.get("dueDate"), dueTo));
    }
    if (overdue) {
      spec = spec.and((root, query, cb) -> cb.and(
          root.get("status").in(CommitmentStatus.AWAITING_DELIVERY), cb.lessThan(root.get("dueDate"), today)));
    }
    if (unowned) {
      // a subquery, not a join: PostgreSQL can then combine the partial index on unowned rows with the owner index
      spec = spec.and((root, query, cb) -> {
        Subquery<Long> inactive = query.subquery(Long.class);
        Root<Person> person = inactive.from(Person.class);
        inactive.select(person.get("id")).where(cb.isFalse(person.get("active")));
        return cb.and(root.get("status").in(CommitmentStatus.OPEN),
            cb.or(cb.isNull(root.get("owner")), root.get("owner").get("id").in(inactive)));
      });
    }
    return spec;
  }
}
