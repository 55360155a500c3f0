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
 * its first-touch due time (counted in its owner's working hours), set at its first assignment and
 * started again by a move while untouched and within it, never after it passed ({@link Lead#assign}).
 * Each lead counts for the owner who held it when its outcome was decided: when its first touch was
 * made within the SLA, else when the SLA ran out (a missed SLA stays the miss of whoever held the lead
 * then, whoever it went to after); a lead still waiting within its SLA counts for its owner now. Who
 * held a lead when is read from its audited assignments ({@code lead.assigned}, one per move).
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

    /**
     * Per owner who held the lead when its first touch was decided (see the class), for leads whose
     * first touch fell due in [from, to), judged as of {@code now}.
     */
    @Transactional(readOnly = true)
    public List<FirstTouches> firstTouches(Instant from, Instant to, Instant now) {
        return jdbc.query(
                BY_DECIDING_OWNER,
                Map.of("from", Timestamp.from(from), "to", Timestamp.from(to), "now", Timestamp.from(now)),
                (rs, i) -> new FirstTouches(rs.getObject(1, Long.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    /**
     * A judged lead was decided at its first touch when that was in time, else at its due time. Moved
     * since (its owner now got it later), the owner then is the one its last audited assignment up to that
     * instant names; a lead with no such record stays with its owner now.
     */
    private static final String BY_DECIDING_OWNER = """
        select coalesce(p.id, l.owner_id), count(*), count(*) filter (where %1$s), count(*) filter (where %2$s)
        from (select *, case when %1$s then least(first_touched_at, first_touch_due_at) end decided_at from lead
              where first_touch_due_at >= :from and first_touch_due_at < :to) l
        left join lateral (select e.after_state ->> 'owner' username from audit_event e
              where l.decided_at < l.assigned_at and e.entity_type = 'lead' and e.entity_id = l.id
              and e.action = 'lead.assigned' and e.at <= l.decided_at order by e.at desc, e.id desc limit 1) h on true
        left join person p on p.username = h.username
        group by coalesce(p.id, l.owner_id)""".formatted(JUDGED, WITHIN_SLA);
}
