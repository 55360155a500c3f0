package dev.baton.commitment;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The commitment figures of the trust report, per owner, in one aggregate query. */
@Service
public class CommitmentStatistics {

    /**
     * The commitments of one owner ({@code ownerId} null: none) due in a period, cancelled ones left
     * out. {@code settled}: due before today, or delivered; {@code deliveredOnTime}: delivered (or
     * verified) on or before the due date, judged in the company's time zone from the delivery's audit
     * event, or for one imported as delivered from the delivery date its file gave; {@code undated}:
     * delivered or verified with neither (imported without a date, or demo data), so nobody knows
     * whether it was on time: the report leaves them out of the on-time share rather than count them
     * late; {@code overdue}: not yet delivered and due before today;
     * {@code unowned}: open without an active owner; {@code rejected}: rejected and not yet
     * renegotiated.
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

    private final JdbcTemplate jdbc;

    CommitmentStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per owner, for commitments due from {@code from} to {@code to} (inclusive), as of {@code today} in {@code zone}. */
    @Transactional(readOnly = true)
    public List<OwnerFigures> byOwner(LocalDate from, LocalDate to, LocalDate today, ZoneId zone) {
        return jdbc.query(
                SQL,
                (rs, i) -> new OwnerFigures(
                        rs.getObject(1, Long.class),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9)),
                Date.valueOf(today),
                zone.getId(),
                Date.valueOf(today),
                Date.valueOf(from),
                Date.valueOf(to));
    }

    /** The status sets come from {@link CommitmentStatus}, their one definition. */
    private static final String SQL = """
        select c.owner_id, count(*),
          count(*) filter (where c.due_date < ? or c.status in ('DELIVERED', 'VERIFIED')),
          count(*) filter (where c.status in ('DELIVERED', 'VERIFIED') and (coalesce((select min(e.at)
              from audit_event e where e.entity_type = 'commitment' and e.entity_id = c.id
              and e.action = 'commitment.delivered'), c.imported_delivered_at) at time zone ?)::date <= c.due_date),
          count(*) filter (where c.status in ('DELIVERED', 'VERIFIED') and c.imported_delivered_at is null
              and not exists (select 1 from audit_event e where e.entity_type = 'commitment' and e.entity_id = c.id
              and e.action = 'commitment.delivered')),
          count(*) filter (where c.status in (%s) and c.due_date < ?),
          count(*) filter (where c.status = 'BREACHED'),
          count(*) filter (where c.status in (%s) and (p.id is null or not p.active)),
          count(*) filter (where c.status = 'REJECTED')
        from commitment c left join person p on p.id = c.owner_id
        where c.due_date between ? and ? and c.status <> 'CANCELLED'
        group by c.owner_id""".formatted(in(CommitmentStatus.AWAITING_DELIVERY), in(CommitmentStatus.OPEN));

    private static String in(java.util.Set<CommitmentStatus> statuses) {
        return statuses.stream()
                .map(s -> "'" + s.name() + "'")
                .sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
