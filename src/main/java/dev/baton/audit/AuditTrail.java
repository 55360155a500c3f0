package dev.baton.audit;

import dev.baton.shared.BadRequestException;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The raw audit trail, newest first, for the audit page and {@code GET /api/audit}. */
@Service
public class AuditTrail {

    public static final int MAX_PAGE_SIZE = 200;

    private final AuditEvents events;

    AuditTrail(AuditEvents events) {
        this.events = events;
    }

    /**
     * One page of matching events, newest first, in one query: the reader's scope is a condition on the
     * actor, not a check per event.
     *
     * @param actors whose events the reader may read ({@link AuditReaders#actorsFor}): empty for every actor
     * @throws BadRequestException (field {@code to}) when the range ends before it starts
     */
    @Transactional(readOnly = true)
    public Page<AuditEvent> find(AuditFilter filter, Optional<Set<String>> actors, int page, int size) {
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new BadRequestException("to", "must not be before from");
        }
        return events.findAll(
                filter.toSpecification().and(actorIn(actors)),
                PageRequest.of(
                        Math.max(page, 0),
                        Math.clamp(size, 1, MAX_PAGE_SIZE),
                        Sort.by(Sort.Direction.DESC, "at", "id")));
    }

    private static Specification<AuditEvent> actorIn(Optional<Set<String>> actors) {
        return (root, query, cb) -> actors.map(these ->
                        these.isEmpty() ? cb.disjunction() : root.get("actor").in(these))
                .orElseGet(cb::conjunction);
    }
}
