package dev.baton.task;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which of my visible tasks to list: the scope, then optional filters.
 *
 * @param playbook the playbook's BPMN process id, or null for any
 * @param accountId the account, or null for any
 * @param overdue only open tasks whose due date has passed
 */
public record TaskFilter(
        TaskScope scope, Collection<TaskStatus> statuses, String playbook, Long accountId, boolean overdue) {

    public TaskFilter {
        statuses = List.copyOf(statuses);
    }

    public static TaskFilter of(TaskScope scope, TaskStatus... statuses) {
        return new TaskFilter(scope, List.of(statuses), null, null, false);
    }

    Specification<Task> toSpecification(Viewer me, Instant now) {
        Specification<Task> spec = visible(me).and((r, q, cb) -> r.get("status").in(statuses));
        if (playbook != null && !playbook.isBlank()) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("bpmnProcessId"), playbook));
        }
        if (accountId != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("accountId"), accountId));
        }
        if (overdue) {
            spec = spec.and(
                    (r, q, cb) -> cb.and(cb.equal(r.get("status"), TaskStatus.OPEN), cb.lessThan(r.get("dueAt"), now)));
        }
        return spec;
    }

    private Specification<Task> visible(Viewer me) {
        Set<String> self = Set.of(me.username());
        return switch (scope) {
            case MINE -> assignedTo(self);
            case TEAM -> offeredTo(me.teams()).or(offeredToMe(me.username()));
            // one "assignee is null" arm, not one per kind of offer: PostgreSQL reads that index range once
            case INBOX -> assignedTo(self).or(unclaimed(offeredTo(me.teams()).or(offeredToMe(me.username()))));
            case UNASSIGNED -> me.admin() ? unheld() : (r, q, cb) -> cb.disjunction();
            case DELEGATED -> (r, q, cb) -> cb.equal(r.get("delegatedBy"), me.username());
            case ALL_VISIBLE ->
                me.admin()
                        ? (r, q, cb) -> cb.conjunction()
                        : assignedTo(Stream.concat(self.stream(), me.reports().stream())
                                        .collect(Collectors.toSet()))
                                .or(offeredTo(me.teams()))
                                .or(offeredToMe(me.username()))
                                .or((r, q, cb) -> cb.or(
                                        cb.equal(r.get("delegatedBy"), me.username()),
                                        cb.equal(r.get("originalAssignee"), me.username())))
                                .or(me.admin() ? unheld() : (r, q, cb) -> cb.disjunction());
        };
    }

    /** The unassigned queue: open, no assignee, offered to no one (see {@link Task#isUnheld()}). */
    private static Specification<Task> unheld() {
        return (r, q, cb) -> cb.and(
                cb.equal(r.get("status"), TaskStatus.OPEN),
                cb.isNull(r.get("assignee")),
                cb.isEmpty(r.get("candidateGroups")),
                cb.isEmpty(r.get("candidateUsers")));
    }

    private static Specification<Task> assignedTo(Set<String> usernames) {
        return (r, q, cb) -> r.get("assignee").in(usernames);
    }

    /** Offered to one of the teams (a candidate group), claimed or not. */
    private static Specification<Task> offeredTo(Set<String> teams) {
        return offered("candidateGroups", teams);
    }

    /** Offered to me by name (I am a candidate user), claimed or not. */
    private static Specification<Task> offeredToMe(String username) {
        return offered("candidateUsers", Set.of(username));
    }

    /** Nobody has claimed it yet. */
    private static Specification<Task> unclaimed(Specification<Task> offered) {
        return (r, q, cb) -> cb.and(cb.isNull(r.get("assignee")), offered.toPredicate(r, q, cb));
    }

    /**
     * {@code exists (select from task_candidate_group g where g.task_id = t.id and g.team_key in (...))}:
     * the subquery correlates the outer row's collection, so it reads the collection table alone (a
     * second {@code task} in it cost a join per candidate row, or per task).
     */
    private static Specification<Task> offered(String candidates, Set<String> names) {
        return (r, q, cb) -> {
            if (names.isEmpty()) {
                return cb.disjunction();
            }
            Subquery<String> sub = q.subquery(String.class);
            Root<Task> t = sub.correlate(r);
            Join<Task, String> candidate = t.join(candidates);
            sub.select(candidate).where(candidate.in(names));
            return cb.exists(sub);
        };
    }
}
