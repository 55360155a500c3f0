package dev.baton.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead figures of the trust report: first touches within their SLA, per owner. A lead's SLA is
 * the first-touch due time of its first assignment (counted in that owner's working hours); a lead
 * reassigned after missing it keeps that due time, as the campaign figures judge it too.
 */
@Service
public class LeadStatistics {

    /** A lead whose first touch can be judged: touched, or untouched past its due time ({@code :now}). */
    static final String JUDGED =
            "first_touched_at is not null or (first_touch_due_at is not null and first_touch_due_at < :now)";

    /** A lead touched by its first-touch due time. */
    static final String WITHIN_SLA = "first_touched_at <= first_touch_due_at";

    /**
     * One owner's leads ({@code ownerId} null: none) whose first touch fell due in the period.
     *
     * @param due leads with their first-touch due time in the period
     * @param judged of those, touched, or untouched and past their due time (an untouched one still
     *     within its SLA is neither)
     * @param touchedWithinSla of those, touched by their due time
     */
    public record FirstTouches(Long ownerId, long due, long judged, long touchedWithinSla) {}

    private final NamedParameterJdbcTemplate jdbc;

    LeadStatistics(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per owner (the lead's owner now), for leads whose first touch fell due in [from, to), judged as of {@code now}. */
    @Transactional(readOnly = true)
    public List<FirstTouches> firstTouches(Instant from, Instant to, Instant now) {
        return jdbc.query(
                "select owner_id, count(*), count(*) filter (where " + JUDGED + "), count(*) filter (where "
                        + WITHIN_SLA + ") from lead where first_touch_due_at >= :from and first_touch_due_at < :to"
                        + " group by owner_id",
                Map.of("from", Timestamp.from(from), "to", Timestamp.from(to), "now", Timestamp.from(now)),
                (rs, i) -> new FirstTouches(rs.getObject(1, Long.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }
}
