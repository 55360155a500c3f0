package dev.baton.commitment;

import dev.baton.people.TimeZones;
import dev.baton.people.TimeZones.Todays;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commitment figures of the trust report, per owner, in one aggregate query. Every day in it is the
 * owner's, as everywhere else in Baton ({@link TimeZones}: the person's zone, the company's for no owner
 * or an owner without one): a promise due on 27 March is late from midnight at the end of 27 March
 * where its owner is, as the process's overdue timer and the API's {@code overdue} judge it.
 */
@Service
public class CommitmentStatistics {

    /**
     * The commitments of one owner ({@code ownerId} null: none) due in a period, cancelled ones left
     * out. {@code settled}: due before today where the owner is, or delivered; {@code deliveredOnTime}:
     * delivered (or verified) before the due day ended where the owner is, from the delivery's audit
     * event, or for one imported as delivered from the delivery time its file gave; {@code undated}:
     * delivered or verified with neither (imported without a date, or demo data), so nobody knows
     * whether it was on time: the report leaves them out of the on-time share rather than count them
     * late; {@code overdue}: not yet delivered and due before today where the owner is (the API's
     * {@code overdue}); {@code unowned}: open without an active owner; {@code rejected}: rejected and
     * not yet renegotiated.
     */
    public record OwnerFigures(
            Long ownerId,
            long due,
            long settled,
            long deliveredOnTime,
            long undated,
            long overdue,
            long breached,
            long unowned,
            long rejected) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final TimeZones zones;

    CommitmentStatistics(NamedParameterJdbcTemplate jdbc, TimeZones zones) {
        this.jdbc = jdbc;
        this.zones = zones;
    }

    /**
     * Per owner, for commitments due from {@code from} to {@code to} (inclusive: the due date, a day
     * where the owner is, compared as a date), as of now.
     */
    @Transactional(readOnly = true)
    public List<OwnerFigures> byOwner(LocalDate from, LocalDate to) {
        Todays todays = zones.todays();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", from)
                .addValue("to", to)
                .addValue("company", todays.company());
        String pastDue = RegisterQuery.pastDue(todays, params);
        return jdbc.query(
                SQL.formatted(pastDue, pastDue),
                params,
                (rs, i) -> new OwnerFigures(
                        rs.getObject(1, Long.class),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9)));
    }

    /**
     * The status sets come from {@link CommitmentStatus}, their one definition; "due before today" from
     * {@link RegisterQuery#pastDue}, the register's; on time is the delivery's day where the owner is
     * ({@code :company} for none) not after the due date, the same instant as the end of the due day
     * there ({@code Dates.endOf}, the process's overdue timer).
     */
    private static final String SQL = """
        select c.owner_id, count(*),
          count(*) filter (where %s or c.status in ('DELIVERED', 'VERIFIED')),
          count(*) filter (where c.status in ('DELIVERED', 'VERIFIED') and (coalesce((select min(e.at)
              from audit_event e where e.entity_type = 'commitment' and e.entity_id = c.id
              and e.action = 'commitment.delivered'), c.imported_delivered_at)
              at time zone coalesce(o.time_zone, :company))::date <= c.due_date),
          count(*) filter (where c.status in ('DELIVERED', 'VERIFIED') and c.imported_delivered_at is null
              and not exists (select 1 from audit_event e where e.entity_type = 'commitment' and e.entity_id = c.id
              and e.action = 'commitment.delivered')),
          count(*) filter (where c.status in ({awaiting}) and %s),
          count(*) filter (where c.status = 'BREACHED'),
          count(*) filter (where c.status in ({open}) and (o.id is null or not o.active)),
          count(*) filter (where c.status = 'REJECTED')
        from commitment c left join person o on o.id = c.owner_id
        where c.due_date between :from and :to and c.status <> 'CANCELLED'
        group by c.owner_id""".replace("{awaiting}", in(CommitmentStatus.AWAITING_DELIVERY))
            .replace("{open}", in(CommitmentStatus.OPEN));

    private static String in(java.util.Set<CommitmentStatus> statuses) {
        return statuses.stream()
                .map(s -> "'" + s.name() + "'")
                .sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
