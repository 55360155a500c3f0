package dev.baton.task;

import dev.baton.shared.PageQueries;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The inbox ({@link TaskScope#INBOX}: assigned to me, or unclaimed and offered to one of my teams or to
 * me by name) as SQL in the shape its indexes serve: one arm per kind of offer, each read from its own
 * index ({@code task (assignee, status)}, {@code task_candidate_group (team_key, task_id)}, {@code
 * task_candidate_user (username)}) and joined to the task by its key, then sorted and counted together.
 * The criteria query it replaces for the inbox ORed the arms over every open unassigned task, so every
 * inbox read all of them from the table (PostgreSQL misjudges "open and unassigned" tenfold and never
 * took a better plan; see README, "Benchmarks: the inbox"). Same rows as {@link
 * TaskFilter#toSpecification} for the inbox: {@code InboxQueryTests} compares the two.
 */
@Component
class InboxQuery {

    /** The sort properties the task list allows ({@code TaskListing}), as columns of {@code task}. */
    private static final Map<String, String> COLUMNS = Map.of(
            "dueAt", "due_at",
            "followUpAt", "follow_up_at",
            "createdAt", "created_at",
            "completedAt", "completed_at",
            "id", "id");

    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager em;

    InboxQuery(NamedParameterJdbcTemplate jdbc, EntityManager em) {
        this.jdbc = jdbc;
        this.em = em;
    }

    /**
     * One page of {@code me}'s inbox: its ids and the count of every matching task in one statement,
     * then those tasks with their candidate groups and users.
     *
     * @param filter its scope must be {@link TaskScope#INBOX}; its statuses, playbook, account and
     *     "overdue" narrow the inbox as they do every list
     * @param now the instant "overdue" is judged against (a due date before it)
     * @return the page in the sort's order (nulls last when ascending, first when descending, as
     *     PostgreSQL sorts them), with the number of all matching tasks
     * @throws IllegalArgumentException for a scope other than the inbox, or a sort property other than
     *     dueAt, followUpAt, createdAt, completedAt, id
     */
    Page<Task> page(Viewer me, TaskFilter filter, Instant now, Pageable pageable) {
        if (filter.scope() != TaskScope.INBOX) {
            throw new IllegalArgumentException("not the inbox: " + filter.scope());
        }
        if (filter.statuses().isEmpty()) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        List<String> sortColumns = columns(pageable.getSort());
        MapSqlParameterSource params = new MapSqlParameterSource("me", me.username());
        String inbox = inbox(me, filter, now, sortColumns, params);
        StringBuilder sql = new StringBuilder("select id, count(1) over () total from (")
                .append(inbox)
                .append(") inbox")
                .append(orderBy(pageable.getSort()));
        if (pageable.isPaged()) {
            sql.append(" limit :limit offset :offset");
            params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        }
        List<long[]> rows = jdbc.query(sql.toString(), params, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        if (rows.isEmpty()) {
            // past the last page (or nothing at all): only a count says how many there are
            long total = pageable.isPaged() && pageable.getOffset() > 0
                    ? jdbc.queryForObject("select count(1) from (" + inbox + ") inbox", params, Long.class)
                    : 0;
            return new PageImpl<>(List.of(), pageable, total);
        }
        List<Long> ids = rows.stream().map(r -> r[0]).toList();
        return new PageImpl<>(
                PageQueries.byIds(em, Task.class, ids, "candidateGroups", "candidateUsers"), pageable, rows.get(0)[1]);
    }

    /**
     * The union of the inbox's arms, each row its id and the sort's columns. The arms for an offer keep
     * only unclaimed tasks; a task offered to two of my teams, or to a team and to me, appears once.
     */
    private static String inbox(
            Viewer me, TaskFilter filter, Instant now, List<String> sortColumns, MapSqlParameterSource params) {
        String select =
                "select t.id" + sortColumns.stream().map(c -> ", t." + c).reduce("", String::concat);
        String narrowed = narrowing(filter, now, params);
        List<String> arms = new ArrayList<>();
        arms.add(select + " from task t where t.assignee = :me" + narrowed);
        if (!me.teams().isEmpty()) {
            params.addValue("teams", me.teams());
            arms.add(select + " from task_candidate_group g join task t on t.id = g.task_id"
                    + " where g.team_key in (:teams) and t.assignee is null" + narrowed);
        }
        arms.add(select + " from task_candidate_user u join task t on t.id = u.task_id"
                + " where u.username = :me and t.assignee is null" + narrowed);
        return String.join(" union ", arms);
    }

    /** The filter's conditions besides the scope, each starting with " and". */
    private static String narrowing(TaskFilter filter, Instant now, MapSqlParameterSource params) {
        StringBuilder and = new StringBuilder(" and t.status in (:statuses)");
        params.addValue("statuses", filter.statuses().stream().map(Enum::name).toList());
        if (filter.playbook() != null && !filter.playbook().isBlank()) {
            and.append(" and t.bpmn_process_id = :playbook");
            params.addValue("playbook", filter.playbook());
        }
        if (filter.accountId() != null) {
            and.append(" and t.account_id = :account");
            params.addValue("account", filter.accountId());
        }
        if (filter.overdue()) {
            and.append(" and t.status = 'OPEN' and t.due_at < :now");
            params.addValue("now", Timestamp.from(now));
        }
        return and.toString();
    }

    private static List<String> columns(Sort sort) {
        List<String> columns = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = COLUMNS.get(o.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("not a task list sort: " + o.getProperty());
            }
            if (!column.equals("id") && !columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    private static String orderBy(Sort sort) {
        List<String> by = new ArrayList<>();
        for (Sort.Order o : sort) {
            by.add(COLUMNS.get(o.getProperty()) + (o.isAscending() ? "" : " desc"));
        }
        return by.isEmpty() ? "" : " order by " + String.join(", ", by);
    }
}
