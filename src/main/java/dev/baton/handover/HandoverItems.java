package dev.baton.handover;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HandoverItems extends JpaRepository<HandoverItem, Long> {

  List<HandoverItem> findByHandoverIdOrderById(Long handoverId);

  Optional<HandoverItem> findByHandoverIdAndAccountId(Long handoverId, Long accountId);
}
