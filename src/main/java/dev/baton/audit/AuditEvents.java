package dev.baton.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface AuditEvents extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    List<AuditEvent> findByAccountIdOrderByAt(Long accountId);

    /** Whether anyone or anything of this user name did something (the actor's own index, V96). */
    boolean existsByActor(String actor);

    List<AuditEvent> findByEntityTypeAndEntityIdOrderByAt(String entityType, Long entityId);

    /** Some actions' events of several records of a type (e.g. the events that set the words of the commitments a page mentions). */
    List<AuditEvent> findByEntityTypeAndEntityIdInAndActionIn(
            String entityType, java.util.Collection<Long> entityIds, java.util.Collection<String> actions);
}
