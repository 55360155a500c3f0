package dev.baton.commitment;

import dev.baton.commitment.CommitmentRouting.Party;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The commitment process's read step as plain SQL: one statement reads the commitment with its owner,
 * maker, their managers, its account's owner and its team. The step runs for every change a process is
 * told of (a handover moves each account's open commitments), and as an entity read it loaded seven
 * entities into a transaction only to dirty-check them at commit (README, "The handover", session 24).
 */
@Component
class CommitmentRoutingQuery {

    private static final String SQL = """
            select c.id, c.account_id, c.status, c.version, c.due_date, c.process_instance_key, a.owner_id account_owner_id,
              t.key team_key,
              o.id owner_id, o.username owner_username, o.active owner_active, o.time_zone owner_zone, om.username owner_manager,
              m.id maker_id, m.username maker_username, m.active maker_active, m.time_zone maker_zone, mm.username maker_manager
            from commitment c join account a on a.id = c.account_id
              join person m on m.id = c.made_by_id left join person mm on mm.id = m.manager_id
              left join person o on o.id = c.owner_id left join person om on om.id = o.manager_id
              left join team t on t.id = c.delivering_team_id
            where c.id = ?""";

    private final JdbcTemplate jdbc;

    CommitmentRoutingQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The commitment as committed now (one statement, no transaction needed); empty for an unknown id. */
    Optional<CommitmentRouting> find(long id) {
        return jdbc.query(SQL, (rs, i) -> routing(rs), id).stream().findFirst();
    }

    /**
     * Records which process instance follows the commitment, unless one is recorded already: a bulk
     * update, so the version API clients hold does not change, and a step delivered twice changes nothing.
     */
    void attachProcess(long id, long processInstanceKey) {
        jdbc.update(
                "update commitment set process_instance_key = ? where id = ? and process_instance_key is null",
                processInstanceKey,
                id);
    }

    private static CommitmentRouting routing(ResultSet rs) throws SQLException {
        Long owner = rs.getObject("owner_id", Long.class);
        return new CommitmentRouting(
                rs.getLong("id"),
                rs.getLong("account_id"),
                CommitmentStatus.valueOf(rs.getString("status")),
                rs.getLong("version"),
                rs.getObject("due_date", LocalDate.class),
                rs.getObject("process_instance_key", Long.class),
                owner == null ? null : party(rs, owner, "owner"),
                party(rs, rs.getLong("maker_id"), "maker"),
                rs.getObject("account_owner_id", Long.class),
                rs.getString("team_key"));
    }

    private static Party party(ResultSet rs, long id, String as) throws SQLException {
        return new Party(
                id,
                rs.getString(as + "_username"),
                rs.getBoolean(as + "_active"),
                rs.getString(as + "_zone"),
                rs.getString(as + "_manager"));
    }
}
