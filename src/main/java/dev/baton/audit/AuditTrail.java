package dev.baton.audit;

import dev.baton.shared.BadRequestException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
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

    /** Absent only where the people module is not part of the application (a module test). */
    private final ObjectProvider<ActorNames> people;

    AuditTrail(AuditEvents events, ObjectProvider<ActorNames> people) {
        this.events = events;
        this.people = people;
    }

    /**
     * One page of matching events, newest first, in one query: the reader's scope is a condition on the
     * actor, not a check per event.
     *
     * @param actors whose events the reader may read ({@link AuditReaders#actorsFor}): empty for every actor
     * @throws BadRequestException (field {@code to}) when the range ends before it starts; (field {@code
     *     actor}) "no person 'bob'" when the actor is nobody's user name, not Baton's ({@code system}) and
     *     did nothing recorded: an empty list would pass off a typo as someone who did nothing, where an
     *     account filter naming no account is a 400 too (probe 47); (field {@code size}) when {@code size} is
     *     over {@link #MAX_PAGE_SIZE}: the request's own check allows up to 2,000 rows a page, and a larger
     *     size was cut to 200 without a word (session 47)
     */
    @Transactional(readOnly = true)
    public Page<AuditEvent> find(AuditFilter filter, Optional<Set<String>> actors, int page, int size) {
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new BadRequestException("to", "must not be before from");
        }
        if (size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size", "must be a whole number from 1 to " + MAX_PAGE_SIZE);
        }
        requireKnown(filter.actor());
        return events.findAll(
                filter.toSpecification().and(actorIn(actors)),
                PageRequest.of(
                        Math.max(page, 0),
                        Math.clamp(size, 1, MAX_PAGE_SIZE),
                        Sort.by(Sort.Direction.DESC, "at", "id")));
    }

    private void requireKnown(String actor) {
        if (actor == null || actor.isBlank() || AuditLog.SYSTEM.equals(actor.strip())) {
            return;
        }
        String name = actor.strip();
        ActorNames names = people.getIfAvailable();
        boolean person = names != null && names.fullNames(List.of(name)).containsKey(name);
        if (!person && !events.existsByActor(name)) {
            throw BadRequestException.noSuch("actor", "person", name);
        }
    }

    private static Specification<AuditEvent> actorIn(Optional<Set<String>> actors) {
        return (root, query, cb) -> actors.map(these ->
                        these.isEmpty() ? cb.disjunction() : root.get("actor").in(these))
                .orElseGet(cb::conjunction);
    }
}
