package dev.baton.audit;

import java.time.Clock;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit events in the caller's transaction, so a change and its audit record land together
 * or not at all. The actor is the signed-in user, or {@code system} for engine and scheduled work.
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";

    private final AuditEvents events;
    private final Clock clock;

    AuditLog(AuditEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a change.
     *
     * @param accountId the account the change belongs to (shown on its timeline), or null
     * @param before the state before (null for a creation)
     * @param after the state after (null for a deletion)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(
            String action,
            String entityType,
            Long entityId,
            Long accountId,
            Map<String, Object> before,
            Map<String, Object> after) {
        return events.save(new AuditEvent(
                clock.instant(), currentActor(), action, entityType, entityId, accountId, before, after));
    }

    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }
}
