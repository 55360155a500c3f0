package dev.baton.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface AuditEvents extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    List<AuditEvent> findByAccountIdOrderByAt(Long accountId);

    List<AuditEvent> findByEntityTypeAndEntityIdOrderByAt(String entityType, Long entityId);

    /** One action's events of several records of a type (e.g. the creation of the commitments a page mentions). */
    List<AuditEvent> findByEntityTypeAndEntityIdInAndAction(
            String entityType, java.util.Collection<Long> entityIds, String action);
}
