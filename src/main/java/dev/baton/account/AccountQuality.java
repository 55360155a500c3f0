package dev.baton.account;

import dev.baton.shared.SqlArrays;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings about the quality of accounts and contacts, each listed under the account's owner:
 * stale contacts, likely duplicate contacts, contacts without e-mail or phone, accounts without an
 * (active) owner, accounts without a primary contact. Kinds are the constants below.
 */
@Service
public class AccountQuality {

    public static final String STALE_CONTACT = "STALE_CONTACT";
    public static final String DUPLICATE_CONTACTS = "DUPLICATE_CONTACTS";
    public static final String UNREACHABLE_CONTACT = "UNREACHABLE_CONTACT";
    public static final String ACCOUNT_WITHOUT_OWNER = "ACCOUNT_WITHOUT_OWNER";
    public static final String ACCOUNT_OWNER_INACTIVE = "ACCOUNT_OWNER_INACTIVE";
    public static final String ACCOUNT_WITHOUT_PRIMARY_CONTACT = "ACCOUNT_WITHOUT_PRIMARY_CONTACT";
    public static final List<String> KINDS = List.of(
            STALE_CONTACT,
            DUPLICATE_CONTACTS,
            UNREACHABLE_CONTACT,
            ACCOUNT_WITHOUT_OWNER,
            ACCOUNT_OWNER_INACTIVE,
            ACCOUNT_WITHOUT_PRIMARY_CONTACT);

    /**
     * One finding. {@code ownerId} null: the account has no owner. {@code contactId} names the contact
     * concerned (for duplicates, the later one) and {@code otherContactId} its likely duplicate.
     */
    public record Finding(
            String kind,
            long accountId,
            String accountName,
            Long ownerId,
            String ownerName,
            Long contactId,
            String contactName,
            Long otherContactId,
            String otherContactName,
            String detail) {}

    private static final String ACCOUNT =
            "select a.id account_id, a.name account_name, a.owner_id, p.full_name owner_name";
    private static final String FROM_ACCOUNT = " from account a left join person p on p.id = a.owner_id";
    private static final String FROM_CONTACT =
            " from contact c join account a on a.id = c.account_id left join person p on p.id = a.owner_id";

    /** As {@link Contact#isStale}: a contact who left (retired) is not stale. */
    private static final String STALE =
            "(c.retired_at is null and (c.last_verified_at is null or c.last_verified_at < ?))";

    private static final String UNREACHABLE = "coalesce(c.email, '') = '' and coalesce(c.phone, '') = ''";
    private static final String NO_PRIMARY =
            "not exists (select 1 from contact c where c.account_id = a.id and c.primary_contact)";
    /** The viewer's scope: {@code ?::bigint[]} bound to the owners they see, or null for everyone. */
    private static final String SCOPE = " and (?::bigint[] is null or a.owner_id = any(?::bigint[]))";

    /** Each kind's rows; each statement takes the stale bound, then the scope twice. */
    private static final Map<String, String> SQL = Map.of(
            STALE_CONTACT,
                    ACCOUNT + ", c.id contact_id, c.full_name contact_name, null::bigint other_id, null other_name,"
                            + " coalesce('last verified ' || to_char(c.last_verified_at, 'YYYY-MM-DD'), 'never verified') detail"
                            + FROM_CONTACT + " where " + STALE,
            UNREACHABLE_CONTACT,
                    ACCOUNT + ", c.id, c.full_name, null::bigint, null, 'neither e-mail nor phone'" + FROM_CONTACT
                            + " where " + UNREACHABLE + " and ?::timestamptz is not null",
            ACCOUNT_WITHOUT_OWNER,
                    ACCOUNT + ", null::bigint, null, null::bigint, null, 'no owner'" + FROM_ACCOUNT
                            + " where a.owner_id is null and ?::timestamptz is not null",
            ACCOUNT_OWNER_INACTIVE,
                    ACCOUNT + ", null::bigint, null, null::bigint, null, p.full_name || ' has left'" + FROM_ACCOUNT
                            + " where not p.active and ?::timestamptz is not null",
            ACCOUNT_WITHOUT_PRIMARY_CONTACT,
                    ACCOUNT + ", null::bigint, null, null::bigint, null, 'no primary contact'" + FROM_ACCOUNT
                            + " where " + NO_PRIMARY + " and ?::timestamptz is not null");

    /**
     * The counts in two passes (five, one per kind, took seconds at 300,000 contacts): one over
     * accounts, the primary contact found through its unique partial index; and one read of the
     * contacts, in account order for the duplicates, that says of each whether it is stale or
     * unreachable (a count of those in SQL read every contact a second time). Takes the stale bound,
     * then the scope twice.
     */
    private static final String CONTACT_PASS = "select c.account_id, null, a.owner_id, null, c.id, c.full_name,"
            + " lower(c.email), " + STALE + ", " + UNREACHABLE + " from contact c join account a on a.id = c.account_id"
            + " where true" + SCOPE + " order by c.account_id";

    private static final String ACCOUNT_COUNTS = "select a.owner_id, count(*) filter (where a.owner_id is null),"
            + " count(*) filter (where not p.active), count(*) filter (where pc.id is null)"
            + " from account a left join person p on p.id = a.owner_id"
            + " left join contact pc on pc.account_id = a.id and pc.primary_contact where true" + SCOPE
            + " group by a.owner_id";

    private static final String COLUMNS =
            " f (account_id, account_name, owner_id, owner_name, contact_id, contact_name, other_id, other_name, detail)";

    private final JdbcTemplate jdbc;

    AccountQuality(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Account findings (without an owner, owner inactive, without a primary contact) by account owner
     * (null key: no owner), only the kinds found. {@code owners}: only the accounts these people own
     * (null: every account, also those without an owner).
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Long>> accountCountsByOwner(Collection<Long> owners) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        String scope = SqlArrays.ofIds(owners);
        jdbc.query(
                ACCOUNT_COUNTS,
                adding(counts, List.of(ACCOUNT_WITHOUT_OWNER, ACCOUNT_OWNER_INACTIVE, ACCOUNT_WITHOUT_PRIMARY_CONTACT)),
                scope,
                scope);
        return counts;
    }

    /**
     * Contact findings (stale, unreachable, likely duplicates) by account owner (null key: no owner),
     * only the kinds found, from one pass over the contacts; contacts not verified since {@code
     * staleBefore} are stale. {@code owners} as in {@link #accountCountsByOwner}.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Long>> contactCountsByOwner(Instant staleBefore, Collection<Long> owners) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        String scope = SqlArrays.ofIds(owners);
        BiConsumer<Long, String> add = (owner, kind) ->
                counts.computeIfAbsent(owner, o -> new HashMap<>()).merge(kind, 1L, Long::sum);
        contacts(
                CONTACT_PASS,
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(staleBefore));
                    ps.setString(2, scope);
                    ps.setString(3, scope);
                },
                rs -> {
                    if (rs.getBoolean(8)) {
                        add.accept(rs.getObject(3, Long.class), STALE_CONTACT);
                    }
                    if (rs.getBoolean(9)) {
                        add.accept(rs.getObject(3, Long.class), UNREACHABLE_CONTACT);
                    }
                },
                f -> {
                    add.accept(f.ownerId(), DUPLICATE_CONTACTS);
                    return true;
                });
        return counts;
    }

    /** Rows of owner, then one count per kind: the counts above zero go into {@code counts}. */
    private static RowCallbackHandler adding(Map<Long, Map<String, Long>> counts, List<String> kinds) {
        return rs -> {
            Long owner = rs.getObject(1, Long.class);
            for (int k = 0; k < kinds.size(); k++) {
                long n = rs.getLong(k + 2);
                if (n > 0) {
                    counts.computeIfAbsent(owner, o -> new HashMap<>()).put(kinds.get(k), n);
                }
            }
        };
    }

    /**
     * One page of the findings of {@code kind}, by account: of one owner's accounts when {@code ownerId}
     * is not null, and only of accounts {@code owners} own (null: every account).
     */
    @Transactional(readOnly = true)
    public List<Finding> findings(
            String kind, Instant staleBefore, Long ownerId, Collection<Long> owners, int limit, long offset) {
        if (kind.equals(DUPLICATE_CONTACTS)) {
            return duplicates(ownerId, owners, limit, offset);
        }
        String scope = SqlArrays.ofIds(owners);
        String sql = "select * from (" + SQL.get(kind) + SCOPE + ")" + COLUMNS
                + " where (?::bigint is null or owner_id = ?) order by account_id, contact_id nulls first limit ? offset ?";
        return jdbc.query(
                sql, finding(kind), Timestamp.from(staleBefore), scope, scope, ownerId, ownerId, limit, offset);
    }

    /** One page of likely duplicates, as {@link #findings} pages them. */
    private List<Finding> duplicates(Long ownerId, Collection<Long> owners, int limit, long offset) {
        List<Finding> page = new ArrayList<>();
        long[] skip = {offset};
        String scope = SqlArrays.ofIds(owners);
        String sql = ACCOUNT + ", c.id, c.full_name, lower(c.email)" + FROM_CONTACT
                + " where (?::bigint is null or a.owner_id = ?)" + SCOPE + " order by c.account_id";
        PreparedStatementSetter bind = ps -> {
            ps.setObject(1, ownerId, Types.BIGINT);
            ps.setObject(2, ownerId, Types.BIGINT);
            ps.setString(3, scope);
            ps.setString(4, scope);
        };
        contacts(sql, bind, rs -> {}, f -> {
            if (skip[0] > 0) {
                skip[0]--;
            } else {
                page.add(f);
            }
            return page.size() < limit;
        });
        return page;
    }

    /**
     * Pairs of contacts at one account that are likely one person: the same e-mail address, or names
     * that are close once accents, case, punctuation and word order are set aside; by account, then
     * the earlier contact's id, then the later one's. The contacts are read once, streamed in account
     * order, and each name is normalised once; {@code found} returns false to stop reading.
     * {@code sql} yields account id, account name, owner id, owner name, contact id, contact name and
     * e-mail in lower case, by account ({@link DuplicateContacts} puts an account's contacts in id
     * order: asking the database for that too added a sort of every contact to the merge join's
     * account order); {@code eachRow} sees every row first.
     */
    private void contacts(
            String sql, PreparedStatementSetter bind, RowCallbackHandler eachRow, Predicate<Finding> found) {
        jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(sql);
                    ps.setFetchSize(10_000);
                    bind.setValues(ps);
                    return ps;
                },
                (ResultSetExtractor<Void>) rs -> {
                    DuplicateContacts account = null;
                    while (rs.next()) {
                        eachRow.processRow(rs);
                        long accountId = rs.getLong(1);
                        if (account == null || account.accountId != accountId) {
                            if (account != null && !account.pairs(found)) {
                                return null;
                            }
                            account = new DuplicateContacts(
                                    accountId, rs.getString(2), rs.getObject(3, Long.class), rs.getString(4));
                        }
                        account.add(rs.getLong(5), rs.getString(6), rs.getString(7));
                    }
                    if (account != null) {
                        account.pairs(found);
                    }
                    return null;
                });
    }

    private static RowMapper<Finding> finding(String kind) {
        return (rs, i) -> new Finding(
                kind,
                rs.getLong(1),
                rs.getString(2),
                rs.getObject(3, Long.class),
                rs.getString(4),
                rs.getObject(5, Long.class),
                rs.getString(6),
                rs.getObject(7, Long.class),
                rs.getString(8),
                rs.getString(9));
    }
}
