package dev.baton.commitment;

import dev.baton.shared.SqlArrays;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data-quality finding about commitments: open ones without an active owner (none, or someone who
 * has left), listed like every finding under the owner of their account, counted and paged in the
 * database (there may be a million commitments).
 */
@Service
public class CommitmentQuality {

    /**
     * One open commitment without an active owner. {@code accountOwnerId}/{@code accountOwnerName}:
     * who owns its account (null: nobody); {@code ownerName}: its own owner's full name, null when it has none.
     */
    public record Finding(
            long commitmentId,
            String description,
            LocalDate dueDate,
            String ownerName,
            long accountId,
            String accountName,
            Long accountOwnerId,
            String accountOwnerName) {}

    /**
     * Open (the statuses of {@link CommitmentStatus#OPEN}) with no owner, or with an inactive one: two
     * arms so each uses its index (the partial one on unowned open rows; owner/status/due through the
     * few inactive people). {@code ?::bigint[]} is the viewer's scope of account owners, null: everyone.
     */
    private static final String UNOWNED = """
        with u as (
          select c.id, c.owner_id from commitment c where c.owner_id is null and c.status in (%1$s)
          union all
          select c.id, c.owner_id from person p join commitment c on c.owner_id = p.id
          where not p.active and c.status in (%1$s))
        select c.id, c.description, c.due_date, o.full_name, a.id, a.name, a.owner_id, ao.full_name
        from u join commitment c on c.id = u.id join account a on a.id = c.account_id
        left join person o on o.id = u.owner_id left join person ao on ao.id = a.owner_id
        where (?::bigint[] is null or a.owner_id = any(?::bigint[]))""".formatted(CommitmentStatus.OPEN.stream()
            .map(s -> "'" + s.name() + "'")
            .sorted()
            .collect(Collectors.joining(", ")));

    private final JdbcTemplate jdbc;

    CommitmentQuality(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many, per account owner (null key: accounts without one), of the accounts owned by one of
     * {@code accountOwners} (null: every account, also those without an owner).
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> countsByAccountOwner(Collection<Long> accountOwners) {
        Map<Long, Long> counts = new HashMap<>();
        String scope = SqlArrays.ofIds(accountOwners);
        jdbc.query(
                "select owner_id, count(*) from (" + UNOWNED
                        + ") f (id, d, due, o, a, an, owner_id, aon) group by owner_id",
                rs -> {
                    counts.put(rs.getObject(1, Long.class), rs.getLong(2));
                },
                scope,
                scope);
        return counts;
    }

    /**
     * One page ({@code limit} from {@code offset}) by due date, then commitment id; of the accounts of
     * {@code accountOwner} when not null, within {@code accountOwners} (null: everyone).
     */
    @Transactional(readOnly = true)
    public List<Finding> findings(Long accountOwner, Collection<Long> accountOwners, int limit, long offset) {
        String scope = SqlArrays.ofIds(accountOwners);
        return jdbc.query(
                UNOWNED + " and (?::bigint is null or a.owner_id = ?) order by c.due_date, c.id limit ? offset ?",
                (rs, i) -> new Finding(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getObject(7, Long.class),
                        rs.getString(8)),
                scope,
                scope,
                accountOwner,
                accountOwner,
                limit,
                offset);
    }
}
