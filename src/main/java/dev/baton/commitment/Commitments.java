package dev.baton.commitment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface Commitments extends JpaRepository<Commitment, Long>, JpaSpecificationExecutor<Commitment> {

  List<Commitment> findByAccountIdOrderByDueDate(Long accountId);

  long countByOwnerIdAndStatusIn(Long ownerId, Collection<CommitmentStatus> statuses);

  /** Rows of (account id, count) for the given accounts; accounts with none are missing. */
  @Query("""
      select c.account.id, count(c) from Commitment c
      where c.account.id in :accountIds and c.status in :statuses and c.dueDate < :today
      group by c.account.id""")
  List<Object[]> countDueBeforeByAccount(
      Collection<Long> accountIds, Collection<CommitmentStatus> statuses, LocalDate today);
}
