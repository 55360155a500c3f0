package dev.baton.people;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everyone in one query, with their team, for reports that label rows by person or team: no entities
 * (a {@link PersonView} per person reads roles, team and manager one person at a time).
 */
@Service
public class PeopleDirectory {

    /** A person as a report row names them; the team fields are null for someone without a team. */
    public record Entry(
            long id, String username, String fullName, boolean active, Long teamId, String teamKey, String teamName) {}

    private final JdbcTemplate jdbc;
    private final PeopleService people;

    PeopleDirectory(JdbcTemplate jdbc, PeopleService people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    /** Everyone, active or not, by full name then id. */
    @Transactional(readOnly = true)
    public List<Entry> everyone() {
        return jdbc.query(
                "select p.id, p.username, p.full_name, p.active, t.id, t.key, t.name"
                        + " from person p left join team t on t.id = p.team_id order by p.full_name, p.id",
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
     * The ids of the people whose work {@code viewer} sees in reports and data quality: null (everyone)
     * for an admin, else those in the viewer's line ({@link ReportingLines}). Unknown user name: 404.
     */
    @Transactional(readOnly = true)
    public Set<Long> visibleTo(String viewer) {
        return people.signedIn(viewer).hasRole(Role.ADMIN) ? null : people.lineOf(viewer);
    }
}
