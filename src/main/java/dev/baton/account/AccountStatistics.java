package dev.baton.account;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contact freshness for the trust report: per account owner and month, the share of contacts verified within a window. */
@Service
public class AccountStatistics {

    /**
     * At the end of {@code month} (or now, for the running month), one owner's contacts (those that
     * existed then and had not left the company: a retired contact is neither fresh nor stale) and how many had been verified within the window before: by an audited
     * verification, or by the last verification Baton knows (imported ones have no audit event).
     */
    public record Freshness(LocalDate month, Long ownerId, long contacts, long fresh) {}

    private final JdbcTemplate jdbc;

    AccountStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Months from the one holding {@code from} to the one holding {@code to}, each ending at the start of
     * the next in {@code zone} (or at {@code now}); account owners as they are now.
     */
    @Transactional(readOnly = true)
    public List<Freshness> freshness(LocalDate from, LocalDate to, Duration window, Instant now, ZoneId zone) {
        List<String> months = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            Instant end = m.plusMonths(1).atStartOfDay(zone).toInstant();
            months.add(m.toString());
            ends.add('"' + (end.isBefore(now) ? end : now).toString() + '"');
        }
        String mon = "{" + String.join(",", months) + "}";
        String end = "{" + String.join(",", ends) + "}";
        String interval = window.toSeconds() + " seconds";
        // the months as an array the planner counts right (a generate_series CTE read as 1,000 rows
        // turned the join into nested loops: 7 s at 300,000 contacts), and the audited verifications
        // as (month, contact) pairs joined by hash rather than a probe of the audit log per contact and month
        return jdbc.query(
                """
        with m as not materialized (select * from unnest(?::date[], ?::timestamptz[]) m (mon, month_end)),
        v as (select distinct m.mon, e.entity_id contact_id from m join audit_event e on e.action = 'contact.verified'
            and e.at > m.month_end - ?::interval and e.at <= m.month_end and e.entity_type = 'contact')
        select m.mon, a.owner_id, count(*), count(*) filter (where v.contact_id is not null
            or c.last_verified_at > m.month_end - ?::interval and c.last_verified_at <= m.month_end)
        from m join contact c on c.created_at <= m.month_end
            and (c.retired_at is null or c.retired_at > m.month_end)
        join account a on a.id = c.account_id
        left join v on v.mon = m.mon and v.contact_id = c.id
        group by m.mon, a.owner_id order by m.mon""",
                (rs, i) -> new Freshness(
                        rs.getObject(1, LocalDate.class), rs.getObject(2, Long.class), rs.getLong(3), rs.getLong(4)),
                mon,
                end,
                interval,
                interval);
    }
}
