package dev.baton.account;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Interactions extends JpaRepository<Interaction, Long> {

  Page<Interaction> findByAccountId(Long accountId, Pageable pageable);

  List<Interaction> findByAccountIdOrderByOccurredAtDesc(Long accountId);
}
