package dev.baton.handover;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The handover figures of the trust report, per person, for handovers completed in a period. */
@Service
public class HandoverStatistics {

    /** A handover completed in the period: whose book it was, and how long it took (launch to completion), in hours. */
    public record Completed(long departingId, double hours) {}

    /**
     * The accounts of those handovers, per person: as departing owner, how many and how many with a
     * note; as successor, how many, how many acknowledged before the customer was contacted (the
     * introduction mail, or the call when no mail went or it failed), and how many introduction calls were held
     * within their due date ({@code introCallDays} after the acknowledgement).
     */
    public record Items(
            long personId, long departed, long withNote, long received, long acknowledgedFirst, long callsHeldInTime) {}

    private final JdbcTemplate jdbc;
    private final HandoverSettings settings;

    HandoverStatistics(JdbcTemplate jdbc, HandoverSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Handovers completed in [from, to). */
    @Transactional(readOnly = true)
    public List<Completed> completed(Instant from, Instant to) {
        return jdbc.query(
                "select departing_id, extract(epoch from completed_at - created_at) / 3600 from handover"
                        + " where status = 'COMPLETED' and completed_at >= ? and completed_at < ? order by id",
                (rs, i) -> new Completed(rs.getLong(1), rs.getDouble(2)),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** Per person, over the accounts of handovers completed in [from, to). */
    @Transactional(readOnly = true)
    public List<Items> items(Instant from, Instant to) {
        return jdbc.query(
                """
        with i as (select h.departing_id, i.successor_id, i.note is not null noted,
            i.acknowledged_at is not null and i.acknowledged_at <= coalesce(case when i.intro_failed_at is null then i.intro_sent_at end,
              i.call_held_at, i.acknowledged_at) ack_first,
            i.call_held_at is not null and i.call_held_at <= i.acknowledged_at + make_interval(days => ?) call_in_time
          from handover_item i join handover h on h.id = i.handover_id
          where h.status = 'COMPLETED' and h.completed_at >= ? and h.completed_at < ?),
        p as (select departing_id person_id, 1 departed, noted::int with_note, 0 received, 0 ack_first, 0 call_in_time from i
          union all select successor_id, 0, 0, 1, ack_first::int, call_in_time::int from i where successor_id is not null)
        select person_id, sum(departed), sum(with_note), sum(received), sum(ack_first), sum(call_in_time)
        from p group by person_id""",
                (rs, i) -> new Items(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                settings.introCallDays(),
                Timestamp.from(from),
                Timestamp.from(to));
    }
}
