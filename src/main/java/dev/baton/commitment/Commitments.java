package dev.baton.commitment;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Commitments extends JpaRepository<Commitment, Long>, JpaSpecificationExecutor<Commitment> {

  List<Commitment> findByAccountIdOrderByDueDate(Long accountId);

  long countByOwnerIdAndStatusIn(Long ownerId, Collection<CommitmentStatus> statuses);
}
