package dev.baton.lead;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What marketing sees per campaign: how many leads, how fast sales touched them, how they ended. */
@Service
public class CampaignStatistics {

    /**
     * One campaign's figures ({@code campaign} null: leads without one).
     *
     * @param judged leads whose first touch can be judged: touched, or untouched past their SLA
     * @param touchedWithinSla of those, touched by their first-touch due time
     * @param withinSlaPercent {@code touchedWithinSla / judged} in percent (one decimal), null when none is judged
     * @param medianHoursToFirstTouch calendar hours from creation to first touch (median of the touched; one
     *     decimal), null when none was touched
     */
    public record Campaign(
            String campaign,
            long leads,
            long judged,
            long touchedWithinSla,
            Double withinSlaPercent,
            Double medianHoursToFirstTouch,
            long open,
            long meetingsBooked,
            long disqualified,
            long recycled) {}

    /** The first-touch rules are {@link LeadStatistics}' (the trust report judges leads the same way). */
    private static final String SQL = """
        select campaign, count(*) as leads,
          count(*) filter (where %s) as judged,
          count(*) filter (where %s) as within,
          percentile_cont(0.5) within group (
            order by extract(epoch from first_touched_at - created_at) / 3600.0) as median_hours,
          count(*) filter (where status in ('NEW', 'WORKING')) as open,
          count(*) filter (where status = 'MEETING_BOOKED') as booked,
          count(*) filter (where status = 'DISQUALIFIED') as disqualified,
          count(*) filter (where status = 'RECYCLED') as recycled
        from lead group by campaign order by campaign nulls last
        """.formatted(LeadStatistics.JUDGED, LeadStatistics.WITHIN_SLA);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CampaignStatistics(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every campaign, by name (leads without a campaign last). */
    @Transactional(readOnly = true)
    public List<Campaign> campaigns() {
        return jdbc.query(SQL, Map.of("now", Timestamp.from(clock.instant())), (rs, i) -> {
            long judged = rs.getLong("judged");
            long within = rs.getLong("within");
            Number median = (Number) rs.getObject("median_hours");
            return new Campaign(
                    rs.getString("campaign"),
                    rs.getLong("leads"),
                    judged,
                    within,
                    judged == 0 ? null : Math.round(1000.0 * within / judged) / 10.0,
                    median == null ? null : Math.round(median.doubleValue() * 10) / 10.0,
                    rs.getLong("open"),
                    rs.getLong("booked"),
                    rs.getLong("disqualified"),
                    rs.getLong("recycled"));
        });
    }
}
