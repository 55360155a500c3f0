package dev.baton.audit;

import java.time.Instant;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which audit events to list; every field optional (null: no restriction).
 *
 * @param entityType e.g. {@code commitment}, {@code handover_item}
 * @param action exact action, e.g. {@code commitment.rejected}; one ending in {@code .} matches a prefix
 * @param from inclusive, to exclusive: instants (UTC)
 */
public record AuditFilter(
        String entityType, Long entityId, Long accountId, String actor, String action, Instant from, Instant to) {

    Specification<AuditEvent> toSpecification() {
        Specification<AuditEvent> spec = (root, query, cb) -> cb.conjunction();
        if (blank(entityType) != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("entityType"), entityType.strip()));
        }
        if (entityId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("entityId"), entityId));
        }
        if (accountId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("accountId"), accountId));
        }
        if (blank(actor) != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("actor"), actor.strip()));
        }
        if (blank(action) != null) {
            String a = action.strip();
            spec = spec.and((root, query, cb) ->
                    a.endsWith(".") ? cb.like(root.get("action"), a + "%") : cb.equal(root.get("action"), a));
        }
        if (from != null) {
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("at"), from));
        }
        if (to != null) {
            spec = spec.and((root, query, cb) -> cb.lessThan(root.get("at"), to));
        }
        return spec;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
