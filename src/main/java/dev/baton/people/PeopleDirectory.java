package dev.baton.people;

import dev.baton.shared.BadRequestException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everyone in one query, with their team, for reports that label rows by person or team, and the
 * people directory's pages ({@code GET /api/people}, {@code /people}): no entities (a {@link
 * PersonView} made from a {@link Person} reads its team and manager one person at a time).
 */
@Service
public class PeopleDirectory {

    /** A person as a report row names them; the team fields are null for someone without a team. */
    public record Entry(
            long id, String username, String fullName, boolean active, Long teamId, String teamKey, String teamName) {}

    /**
     * The directory's filters; null means any.
     *
     * @param q a case-insensitive part of the full name, user name or e-mail address (searched as text:
     *     {@code %} and {@code _} are no wildcards); blank means any
     * @param teamId the team's id
     * @param role a role the person has
     * @param active true for active people, false for those who have left
     */
    public record Filter(String q, Long teamId, Role role, Boolean active) {}

    /** A row of the directory: the person, and the names of their team and manager (null without one). */
    public record Listing(PersonView person, String teamName, String managerName) {}

    /** The sort properties the directory takes (the API's {@code sort}), as SQL. */
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "fullName", "p.full_name collate " + NameOrder.COLLATION,
            "username", "p.username",
            "email", "lower(p.email)",
            "createdAt", "p.created_at",
            "id", "p.id");

    private static final String LISTING = "select p.id, p.username, p.full_name, p.email, p.team_id, t.key, t.name,"
            + " p.manager_id, m.username, m.full_name, p.active, p.time_zone, p.version,"
            + " array(select r.role from person_role r where r.person_id = p.id order by r.role) as roles,"
            + " count(*) over () as total"
            + " from person p left join team t on t.id = p.team_id left join person m on m.id = p.manager_id";

    private final JdbcTemplate jdbc;
    private final PeopleService people;
    private final TeamService teams;

    PeopleDirectory(JdbcTemplate jdbc, PeopleService people, TeamService teams) {
        this.jdbc = jdbc;
        this.people = people;
        this.teams = teams;
    }

    /** Everyone, active or not, by full name ({@link NameOrder}) then id. */
    @Transactional(readOnly = true)
    public List<Entry> everyone() {
        return jdbc.query(
                "select p.id, p.username, p.full_name, p.active, t.id, t.key, t.name"
                        + " from person p left join team t on t.id = p.team_id order by p.full_name collate "
                        + NameOrder.COLLATION + ", p.id",
                (rs, i) -> new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getObject(5, Long.class),
                        rs.getString(6),
                        rs.getString(7)));
    }

    /**
     * A page of the people directory, in one query (the people, their roles, team and manager, and how
     * many match). Everyone signed in may read it, as they may read any one person ({@code GET
     * /api/people/{id}}): names, e-mail addresses, teams, roles and managers are the company's
     * directory, not anyone's secret; the {@code /people} page lists it for admins and managers.
     *
     * @param filter who to list
     * @param pageable the page; its sort by {@code fullName} ({@link NameOrder}), {@code username},
     *     {@code email}, {@code createdAt} or {@code id}, then by id
     * @return the page, with the number of everyone matching
     * @throws BadRequestException (field {@code team}, the filter's name on the page and in the API) for a
     *     team id no team has ({@link TeamService#requireExists}): a mistyped or stale id, which an empty
     *     page would pass off as a team of nobody
     * @throws IllegalArgumentException for a sort by anything else (the API's allow-list refuses it first)
     */
    @Transactional(readOnly = true)
    public Page<Listing> find(Filter filter, Pageable pageable) {
        teams.requireExists(filter.teamId(), "team");
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (filter.q() != null && !filter.q().isBlank()) {
            String like = "%"
                    + filter.q()
                            .trim()
                            .toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            where.append(" and (lower(p.full_name) like ? or p.username like ? or lower(p.email) like ?)");
            args.addAll(List.of(like, like, like));
        }
        if (filter.teamId() != null) {
            where.append(" and p.team_id = ?");
            args.add(filter.teamId());
        }
        if (filter.role() != null) {
            where.append(" and exists (select 1 from person_role r where r.person_id = p.id and r.role = ?)");
            args.add(filter.role().name());
        }
        if (filter.active() != null) {
            where.append(" and p.active = ?");
            args.add(filter.active());
        }
        long[] total = {0};
        String sql = LISTING
                + where
                + orderBy(pageable.getSort())
                + (pageable.isPaged() ? " limit " + pageable.getPageSize() + " offset " + pageable.getOffset() : "");
        List<Listing> rows = jdbc.query(
                sql,
                (rs, i) -> {
                    total[0] = rs.getLong("total");
                    return listing(rs);
                },
                args.toArray());
        if (rows.isEmpty() && pageable.isPaged() && pageable.getOffset() > 0) {
            // past the last page: only a count says how many there are
            total[0] = jdbc.queryForObject("select count(*) from person p" + where, Long.class, args.toArray());
        }
        return new PageImpl<>(rows, pageable, total[0]);
    }

    private static String orderBy(Sort sort) {
        List<String> orders = new ArrayList<>();
        for (Sort.Order order : sort.isSorted() ? sort : Sort.by("fullName")) {
            String column = SORT_COLUMNS.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("the people directory cannot be sorted by " + order.getProperty());
            }
            orders.add(column + (order.isDescending() ? " desc" : ""));
        }
        if (sort.getOrderFor("id") == null) {
            orders.add("p.id");
        }
        return " order by " + String.join(", ", orders);
    }

    private static Listing listing(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) rs.getArray("roles").getArray())
                .map(Role::valueOf)
                .forEach(roles::add);
        PersonView person = new PersonView(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                roles,
                rs.getObject(5, Long.class),
                rs.getString(6),
                rs.getObject(8, Long.class),
                rs.getString(9),
                rs.getBoolean(11),
                rs.getString(12),
                rs.getLong(13));
        return new Listing(person, rs.getString(7), rs.getString(10));
    }

    /**
     * The ids of the people whose work {@code viewer} sees in reports and data quality: null (everyone)
     * for whoever reads the company's reports ({@link Capability#READ_COMPANY_REPORTS}: admins, revenue
     * ops), else those in the viewer's line ({@link ReportingLines}). Unknown user name: 404.
     */
    @Transactional(readOnly = true)
    public Set<Long> visibleTo(String viewer) {
        return Capability.READ_COMPANY_REPORTS.grantedTo(people.signedIn(viewer)) ? null : people.lineOf(viewer);
    }
}
