package dev.baton.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The task figures of the trust report: tasks with a due date completed in a period, per assignee. */
@Service
public class TaskStatistics {

    /** One assignee (username): tasks with a due date completed in the period, and how many by their due time. */
    public record Done(String username, long done, long onTime) {}

    private final JdbcTemplate jdbc;

    TaskStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Tasks completed in [from, to). */
    @Transactional(readOnly = true)
    public List<Done> done(Instant from, Instant to) {
        return jdbc.query(
                "select coalesce(completed_by, assignee), count(*), count(*) filter (where completed_at <= due_at)"
                        + " from task where status = 'COMPLETED' and due_at is not null and completed_at >= ? and completed_at < ?"
                        + " group by 1",
                (rs, i) -> new Done(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                Timestamp.from(from),
                Timestamp.from(to));
    }
}
