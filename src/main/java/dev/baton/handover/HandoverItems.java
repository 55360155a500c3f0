package dev.baton.handover;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HandoverItems extends JpaRepository<HandoverItem, Long> {

  List<HandoverItem> findByHandoverIdOrderById(Long handoverId);
}
