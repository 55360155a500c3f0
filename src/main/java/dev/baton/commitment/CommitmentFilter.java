package dev.baton.commitment;

import java.time.LocalDate;
import org.springframework.data.jpa.domain.Specification;

/** The commitment register's filters; null (or false for the flags) means "any". */
public record CommitmentFilter(
    CommitmentStatus status, Long ownerId, Long teamId, Long accountId, boolean overdue, boolean unowned) {

  public static CommitmentFilter ofAccount(Long accountId) {
    return new CommitmentFilter(null, null, null, accountId, false, false);
  }

  Specification<Commitment> toSpecification(LocalDate today) {
    Specification<Commitment> spec = (root, query, cb) -> cb.conjunction();
    if (status != null) {
      spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
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
    if (overdue) {
      spec = spec.and((root, query, cb) -> cb.and(
          root.get("status").in(CommitmentStatus.AWAITING_DELIVERY), cb.lessThan(root.get("dueDate"), today)));
    }
    if (unowned) {
      spec = spec.and((root, query, cb) -> cb.and(
          cb.isNull(root.get("owner")), root.get("status").in(CommitmentStatus.OPEN)));
    }
    return spec;
  }
}
