package dev.baton.commitment;

import dev.baton.people.Person;
import dev.baton.people.TimeZones.Todays;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * The commitment register's filters; null (or false for the flags) means "any". {@code unowned}: open
 * with no active owner (the invariant's violations); {@code dueFrom}/{@code dueTo} are inclusive;
 * {@code open}: still owed ({@link CommitmentStatus#OPEN}).
 */
public record CommitmentFilter(
        CommitmentStatus status,
        Long ownerId,
        Long teamId,
        Long accountId,
        boolean overdue,
        boolean unowned,
        boolean rejected,
        LocalDate dueFrom,
        LocalDate dueTo,
        boolean open) {

    /** Without the open-only flag. */
    public CommitmentFilter(
            CommitmentStatus status,
            Long ownerId,
            Long teamId,
            Long accountId,
            boolean overdue,
            boolean unowned,
            boolean rejected,
            LocalDate dueFrom,
            LocalDate dueTo) {
        this(status, ownerId, teamId, accountId, overdue, unowned, rejected, dueFrom, dueTo, false);
    }

    /** The register's first filters, kept for callers that need no more. */
    public CommitmentFilter(
            CommitmentStatus status, Long ownerId, Long teamId, Long accountId, boolean overdue, boolean unowned) {
        this(status, ownerId, teamId, accountId, overdue, unowned, false, null, null);
    }

    public static CommitmentFilter ofAccount(Long accountId) {
        return new CommitmentFilter(null, null, null, accountId, false, false);
    }

    /** The same scope (owner, team, account, due window) without the status filters: for the counts. */
    CommitmentFilter scope() {
        return new CommitmentFilter(null, ownerId, teamId, accountId, false, false, false, dueFrom, dueTo);
    }

    CommitmentFilter with(CommitmentStatus onlyStatus, boolean onlyOverdue, boolean onlyUnowned) {
        return new CommitmentFilter(
                onlyStatus, ownerId, teamId, accountId, onlyOverdue, onlyUnowned, false, dueFrom, dueTo);
    }

    /**
     * @param inactivePeople ids of the people no longer active, read beforehand (only {@code unowned} needs
     *     them): as literal values PostgreSQL can OR two index scans (see {@link #unowned(Collection)})
     */
    Specification<Commitment> toSpecification(Todays todays, Collection<Long> inactivePeople) {
        Specification<Commitment> spec = (root, query, cb) -> cb.conjunction();
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (rejected) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), CommitmentStatus.REJECTED));
        }
        if (open) {
            spec = spec.and((root, query, cb) -> root.get("status").in(CommitmentStatus.OPEN));
        }
        if (ownerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("owner").get("id"), ownerId));
        }
        if (teamId != null) {
            spec = spec.and(
                    (root, query, cb) -> cb.equal(root.get("deliveringTeam").get("id"), teamId));
        }
        if (accountId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("account").get("id"), accountId));
        }
        if (dueFrom != null) {
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("dueDate"), dueFrom));
        }
        if (dueTo != null) {
            spec = spec.and((root, query, cb) -> cb.lessThanOrEqualTo(root.get("dueDate"), dueTo));
        }
        if (overdue) {
            spec = spec.and((root, query, cb) ->
                    cb.and(root.get("status").in(CommitmentStatus.AWAITING_DELIVERY), pastDue(root, cb, todays)));
        }
        if (unowned) {
            spec = spec.and(unowned(inactivePeople));
        }
        return spec;
    }

    /**
     * The rows of {@link #toSpecification} as disjoint filters whose counts add up to its count. For
     * {@code unowned}, commitments with no owner and those with an inactive one are counted apart: each
     * part is then counted from its own index alone (the partial index on open unowned rows, and
     * owner/status/due), where their OR has PostgreSQL read every matching row from the table.
     */
    List<Specification<Commitment>> countParts(Todays todays, Collection<Long> inactivePeople) {
        if (!unowned || inactivePeople.isEmpty()) {
            return List.of(toSpecification(todays, inactivePeople));
        }
        Specification<Commitment> openRest = new CommitmentFilter(
                        status, ownerId, teamId, accountId, overdue, false, rejected, dueFrom, dueTo, true)
                .toSpecification(todays, List.of());
        return List.of(
                openRest.and((root, query, cb) -> cb.isNull(root.get("owner"))),
                openRest.and((root, query, cb) -> root.get("owner").get("id").in(inactivePeople)));
    }

    /**
     * The due day has ended where the owner is (the company's zone for no owner or an owner without a
     * zone): a promise due on 27 March is not overdue in Los Angeles while it is 27 March there. While
     * it is the same day in every zone in use (always, for a company in one zone) that is a plain
     * {@code due_date < today}: no join to the owner, so the register's count can be read from an index.
     */
    static Predicate pastDue(Root<Commitment> root, CriteriaBuilder cb, Todays todays) {
        if (todays.zonesByDay().size() == 1) {
            return cb.lessThan(root.get("dueDate"), todays.latest());
        }
        Expression<String> zone = cb.coalesce(
                root.<Commitment, Person>join("owner", JoinType.LEFT).<String>get("timeZone"),
                cb.literal(todays.company()));
        return cb.or(todays.zonesByDay().entrySet().stream()
                .map(e -> cb.and(zone.in(e.getValue()), cb.lessThan(root.get("dueDate"), e.getKey())))
                .toArray(Predicate[]::new));
    }

    /**
     * Open, with no owner or an inactive one. Each arm of the OR matches an index (the partial one on
     * open unowned rows, and owner/status/due), so PostgreSQL combines them with a BitmapOr; an
     * {@code owner_id in (subquery)} arm would be a hashed filter and force a scan of the whole table.
     */
    private static Specification<Commitment> unowned(Collection<Long> inactivePeople) {
        return (root, query, cb) -> {
            var open = root.get("status").in(CommitmentStatus.OPEN);
            var noOwner = cb.and(cb.isNull(root.get("owner")), open);
            return inactivePeople.isEmpty()
                    ? noOwner
                    : cb.or(noOwner, cb.and(root.get("owner").get("id").in(inactivePeople), open));
        };
    }
}
