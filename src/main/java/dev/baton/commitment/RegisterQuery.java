package dev.baton.commitment;

import dev.baton.people.TimeZones;
import dev.baton.people.TimeZones.Todays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The register's filters ({@link CommitmentFilter}) as SQL: the page with its joins and its count in one
 * statement, read straight into {@link CommitmentView}s. One SQL statement per page, no
 * criteria query to build and translate and no entities to load on every call: that was most of the
 * API's time beside the query's own (see README, "Benchmarks: the commitment register").
 */
@Component
class RegisterQuery {

    /** The sort properties the register allows, as columns (the API allows no others: {@code SortFields}). */
    private static final Map<String, String> COLUMNS =
            Map.of("dueDate", "c.due_date", "status", "c.status", "createdAt", "c.created_at", "id", "c.id");

    private static final String COLUMNS_SQL = """
            select c.id, c.account_id, a.name account_name, c.contact_id, c.description, m.username made_by,
              m.full_name made_by_name, c.owner_id, o.username owner_username, o.full_name owner_name, o.time_zone owner_zone, c.delivering_team_id, t.key team_key,
              c.due_date, c.status, c.status_reason, c.delivery_evidence, c.version""";

    /** The joins for the columns, after {@code from commitment c} or a subquery named {@code c}. */
    private static final String JOINS_SQL = """
             join account a on a.id = c.account_id join person m on m.id = c.made_by_id
              left join person o on o.id = c.owner_id left join team t on t.id = c.delivering_team_id
            where\s""";

    private final NamedParameterJdbcTemplate jdbc;

    RegisterQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param todays today in each zone in use, for "overdue" (see {@link TimeZones#todays()})
     * @param inactivePeople ids of the people no longer active (only {@code unowned} reads them): as literal
     *     values PostgreSQL can OR two index scans, where {@code owner_id in (subquery)} scans the table
     * @param todayIn today in an owner's zone (an IANA id; null for no owner or no zone of their own), for
     *     each row's {@code overdue} as {@link CommitmentView#from} judges it
     * @return the page in the sort's order, with the number of all matching rows
     * @throws IllegalArgumentException for a sort property other than dueDate, status, createdAt, id
     */
    Page<CommitmentView> find(
            CommitmentFilter filter,
            Todays todays,
            List<Long> inactivePeople,
            Pageable pageable,
            Function<String, LocalDate> todayIn) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, todays, inactivePeople, params);
        StringBuilder sql = new StringBuilder(COLUMNS_SQL);
        if (pageable.isPaged()) {
            // the count in the same statement: an uncorrelated subquery PostgreSQL runs once, with its own plan
            sql.append(", ")
                    .append(countExpression(filter, todays, inactivePeople, params))
                    .append(" total");
        }
        String order = orderBy(pageable.getSort());
        if (pageable.isPaged() && pageable.getSort().isSorted() && filter.unowned() && !inactivePeople.isEmpty()) {
            sql.append(" from (")
                    .append(unownedRows(filter, todays, order))
                    .append(") c")
                    .append(JOINS_SQL);
            sql.append("true");
            params.addValue("rows", pageable.getOffset() + pageable.getPageSize());
        } else {
            sql.append(" from commitment c").append(JOINS_SQL).append(where);
        }
        sql.append(order);
        if (pageable.isPaged()) {
            sql.append(" limit :limit offset :offset");
            params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        }
        Map<String, LocalDate> today = new HashMap<>(); // once per zone on the page
        long[] total = {0};
        List<CommitmentView> rows = jdbc.query(sql.toString(), params, (rs, i) -> {
            if (i == 0 && pageable.isPaged()) {
                total[0] = rs.getLong("total");
            }
            return view(rs, zone -> today.computeIfAbsent(zone, todayIn));
        });
        if (pageable.isUnpaged()) {
            return new PageImpl<>(rows, pageable, rows.size());
        }
        if (rows.isEmpty() && pageable.getOffset() > 0) {
            // past the last page: the count ran with no row to carry it
            total[0] = count(filter, todays, inactivePeople);
        }
        return new PageImpl<>(rows, pageable, total[0]);
    }

    /**
     * The rows an "unowned" page can come from, in two arms that each stop at {@code :rows} (the page's
     * offset plus its size): open commitments with no owner (the partial index on them, in due order),
     * and each inactive person's open commitments, one index range per person ({@code owner_id, due_date}).
     * The page is the first of their union in the same order. One statement with the OR of both read the
     * due-date index row by row from the table until 50 matched (9-15 ms at 1,000,000 commitments).
     */
    private static String unownedRows(CommitmentFilter filter, Todays todays, String order) {
        boolean byZone = filter.overdue() && todays.zonesByDay().size() > 1;
        String from = "select c.* from commitment c" + (byZone ? " left join person o on o.id = c.owner_id" : "");
        // the same parameters as where(): filled in by the caller's where() of the whole filter
        String rest = where(filter.openRest(), todays, List.of(), new MapSqlParameterSource());
        return "(" + from + " where " + rest + " and c.owner_id is null" + order + " limit :rows) union all"
                + " (select x.* from unnest(array[:inactive]::bigint[]) i(id) cross join lateral (" + from
                + " where " + rest + " and c.owner_id = i.id" + order + " limit :rows) x)";
    }

    /**
     * How many rows the filter matches. For {@code unowned}, commitments with no owner and those with an
     * inactive one are counted apart: each part is then counted from its own index alone (the partial
     * index on open unowned rows, and owner/status/due), where their OR has PostgreSQL read every
     * matching row from the table. {@code count(1)}: {@code count(id)} would read each row for its id.
     */
    long count(CommitmentFilter filter, Todays todays, List<Long> inactivePeople) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.queryForObject(
                "select " + countExpression(filter, todays, inactivePeople, params), params, Long.class);
    }

    /** {@link #count}'s SQL, an expression of one or two scalar subqueries; adds its parameters. */
    private static String countExpression(
            CommitmentFilter filter, Todays todays, List<Long> inactivePeople, MapSqlParameterSource params) {
        if (!filter.unowned() || inactivePeople.isEmpty()) {
            return countOf(filter, todays, inactivePeople, "", params);
        }
        CommitmentFilter openRest = filter.openRest();
        params.addValue("inactive", inactivePeople);
        return countOf(openRest, todays, List.of(), " and c.owner_id is null", params) + " + "
                + countOf(openRest, todays, inactivePeople, " and c.owner_id in (:inactive)", params);
    }

    private static String countOf(
            CommitmentFilter filter,
            Todays todays,
            List<Long> inactivePeople,
            String part,
            MapSqlParameterSource params) {
        boolean byZone = filter.overdue() && todays.zonesByDay().size() > 1;
        return "(select count(1) from commitment c" + (byZone ? " left join person o on o.id = c.owner_id" : "")
                + " where " + where(filter, todays, inactivePeople, params) + part + ")";
    }

    /**
     * The filter's condition on {@code commitment c} (and {@code person o}, its owner, when "overdue"
     * must be judged in several zones). "Unowned" is open with no owner or an inactive one: each arm of
     * the OR matches an index (the partial one on open unowned rows, and owner/status/due), so
     * PostgreSQL combines them with a BitmapOr.
     */
    static String where(
            CommitmentFilter f, Todays todays, Collection<Long> inactivePeople, MapSqlParameterSource params) {
        List<String> and = new ArrayList<>(List.of("true"));
        if (f.status() != null) {
            and.add("c.status = '" + f.status().name() + "'");
        }
        if (f.rejected()) {
            and.add("c.status = 'REJECTED'");
        }
        if (f.open()) {
            and.add(in("c.status", CommitmentStatus.OPEN));
        }
        compare(and, params, "c.owner_id = :owner", "owner", f.ownerId());
        compare(and, params, "c.delivering_team_id = :team", "team", f.teamId());
        compare(and, params, "c.account_id = :account", "account", f.accountId());
        compare(and, params, "c.due_date >= :dueFrom", "dueFrom", f.dueFrom());
        compare(and, params, "c.due_date <= :dueTo", "dueTo", f.dueTo());
        if (f.overdue()) {
            and.add(in("c.status", CommitmentStatus.AWAITING_DELIVERY) + " and " + pastDue(todays, params));
        }
        if (f.unowned()) {
            String open = in("c.status", CommitmentStatus.OPEN);
            String noOwner = "(c.owner_id is null and " + open + ")";
            if (inactivePeople.isEmpty()) {
                and.add(noOwner);
            } else {
                and.add("(" + noOwner + " or (c.owner_id in (:inactive) and " + open + "))");
                params.addValue("inactive", inactivePeople);
            }
        }
        return String.join(" and ", and);
    }

    /**
     * The due day has ended where the owner is (the company's zone for no owner or an owner without a
     * zone): a promise due on 27 March is not overdue in Los Angeles while it is 27 March there. While
     * it is the same day in every zone in use (always, for a company in one zone) that is a plain
     * {@code due_date < today}: no join to the owner, so a count can be read from an index. Also the trust
     * report's "due before today" ({@link CommitmentStatistics}): the owner is {@code o}.
     */
    static String pastDue(Todays todays, MapSqlParameterSource params) {
        if (todays.zonesByDay().size() == 1) {
            params.addValue("today", todays.latest());
            return "c.due_date < :today";
        }
        params.addValue("company", todays.company());
        List<String> or = new ArrayList<>();
        int i = 0;
        for (Map.Entry<LocalDate, Set<String>> day : todays.zonesByDay().entrySet()) {
            or.add("(coalesce(o.time_zone, :company) in (:zones" + i + ") and c.due_date < :day" + i + ")");
            params.addValue("zones" + i, day.getValue()).addValue("day" + i, day.getKey());
            i++;
        }
        return "(" + String.join(" or ", or) + ")";
    }

    /** Adds {@code condition} with {@code value} as its parameter {@code name}, unless the value is null (any). */
    private static void compare(
            List<String> and, MapSqlParameterSource params, String condition, String name, Object value) {
        if (value != null) {
            and.add(condition);
            params.addValue(name, value);
        }
    }

    private static String in(String column, Set<CommitmentStatus> statuses) {
        return column + " in ("
                + statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";
    }

    private static String orderBy(Sort sort) {
        List<String> by = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = COLUMNS.get(o.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("not a register sort: " + o.getProperty());
            }
            by.add(column + (o.isAscending() ? "" : " desc"));
        }
        return by.isEmpty() ? "" : " order by " + String.join(", ", by);
    }

    private static CommitmentView view(ResultSet rs, Function<String, LocalDate> todayIn) throws SQLException {
        CommitmentStatus status = CommitmentStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        LocalDate ownersToday = todayIn.apply(rs.getString("owner_zone"));
        return new CommitmentView(
                rs.getLong("id"),
                rs.getLong("account_id"),
                rs.getString("account_name"),
                rs.getObject("contact_id", Long.class),
                rs.getString("description"),
                rs.getString("made_by"),
                rs.getString("made_by_name"),
                rs.getObject("owner_id", Long.class),
                rs.getString("owner_username"),
                rs.getString("owner_name"),
                rs.getObject("delivering_team_id", Long.class),
                rs.getString("team_key"),
                due,
                status,
                rs.getString("status_reason"),
                rs.getString("delivery_evidence"),
                CommitmentStatus.AWAITING_DELIVERY.contains(status) && due.isBefore(ownersToday),
                rs.getLong("version"));
    }
}
