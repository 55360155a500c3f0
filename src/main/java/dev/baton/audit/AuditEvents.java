package dev.baton.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEvents extends JpaRepository<AuditEvent, Long> {

  List<AuditEvent> findByAccountIdOrderByAt(Long accountId);

  List<AuditEvent> findByEntityTypeAndEntityIdOrderByAt(String entityType, Long entityId);
}
