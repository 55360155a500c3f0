package dev.baton.account;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /** Normalised names at least this similar (Jaro-Winkler, 0 to 1) are likely one person. */
    static final double CLOSE_NAMES = 0.93;

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
    private static final Map<String, String> SQL = Map.of(
            STALE_CONTACT,
                    ACCOUNT + ", c.id contact_id, c.full_name contact_name, null::bigint other_id, null other_name,"
                            + " coalesce('last verified ' || to_char(c.last_verified_at, 'YYYY-MM-DD'), 'never verified') detail"
                            + " from contact c join account a on a.id = c.account_id left join person p on p.id = a.owner_id"
                            + " where (c.last_verified_at is null or c.last_verified_at < ?)",
            UNREACHABLE_CONTACT,
                    ACCOUNT + ", c.id, c.full_name, null::bigint, null, 'neither e-mail nor phone'"
                            + " from contact c join account a on a.id = c.account_id left join person p on p.id = a.owner_id"
                            + " where coalesce(c.email, '') = '' and coalesce(c.phone, '') = '' and ?::timestamptz is not null",
            ACCOUNT_WITHOUT_OWNER,
                    ACCOUNT + ", null::bigint, null, null::bigint, null, 'no owner'" + FROM_ACCOUNT
                            + " where a.owner_id is null and ?::timestamptz is not null",
            ACCOUNT_OWNER_INACTIVE,
                    ACCOUNT + ", null::bigint, null, null::bigint, null, p.full_name || ' has left'" + FROM_ACCOUNT
                            + " where not p.active and ?::timestamptz is not null",
            ACCOUNT_WITHOUT_PRIMARY_CONTACT,
                    ACCOUNT + ", null::bigint, null, null::bigint, null, 'no primary contact'"
                            + FROM_ACCOUNT
                            + " where not exists (select 1 from contact c where c.account_id = a.id and c.primary_contact)"
                            + " and ?::timestamptz is not null");

    private static final String COLUMNS =
            " f (account_id, account_name, owner_id, owner_name, contact_id, contact_name, other_id, other_name, detail)";

    private final JdbcTemplate jdbc;

    AccountQuality(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Findings of each kind by account owner (null key: no owner); contacts not verified since {@code staleBefore} are stale. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Long>> countsByOwner(Instant staleBefore) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        SQL.forEach((kind, sql) -> jdbc.query(
                "select owner_id, count(*) from (" + sql + ")" + COLUMNS + " group by owner_id",
                rs -> {
                    Long owner = rs.getObject(1, Long.class);
                    counts.computeIfAbsent(owner, o -> new HashMap<>()).put(kind, rs.getLong(2));
                },
                Timestamp.from(staleBefore)));
        duplicates(
                null,
                f -> counts.computeIfAbsent(f.ownerId(), o -> new HashMap<>())
                        .merge(DUPLICATE_CONTACTS, 1L, Long::sum));
        return counts;
    }

    /** One page of the findings of {@code kind}, of one owner's accounts when {@code ownerId} is not null, by account. */
    @Transactional(readOnly = true)
    public List<Finding> findings(String kind, Instant staleBefore, Long ownerId, int limit, long offset) {
        if (kind.equals(DUPLICATE_CONTACTS)) {
            List<Finding> all = new ArrayList<>();
            duplicates(ownerId, all::add);
            return all.stream().skip(offset).limit(limit).toList();
        }
        String sql = "select * from (" + SQL.get(kind) + ")" + COLUMNS + " where (?::bigint is null or owner_id = ?)"
                + " order by account_id, contact_id nulls first limit ? offset ?";
        return jdbc.query(sql, finding(kind), Timestamp.from(staleBefore), ownerId, ownerId, limit, offset);
    }

    /**
     * Pairs of contacts at one account that are likely one person: the same e-mail address, or
     * names that are close once accents, case, punctuation and word order are set aside.
     */
    private void duplicates(Long ownerId, Consumer<Finding> found) {
        JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();
        String sql = ACCOUNT + ", b.id, b.full_name, c.id, c.full_name, lower(b.email) = lower(c.email)"
                + " from contact b join contact c on c.account_id = b.account_id and c.id > b.id"
                + " join account a on a.id = b.account_id left join person p on p.id = a.owner_id"
                + " where (?::bigint is null or a.owner_id = ?) order by a.id, b.id, c.id";
        jdbc.query(
                sql,
                rs -> {
                    boolean sameEmail = rs.getBoolean(9);
                    double score = similarity.apply(normalise(rs.getString(6)), normalise(rs.getString(8)));
                    if (sameEmail || score >= CLOSE_NAMES) {
                        found.accept(new Finding(
                                DUPLICATE_CONTACTS,
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getObject(3, Long.class),
                                rs.getString(4),
                                rs.getLong(7),
                                rs.getString(8),
                                rs.getLong(5),
                                rs.getString(6),
                                sameEmail ? "same e-mail address" : "close names"));
                    }
                },
                ownerId,
                ownerId);
    }

    /** "Müller, Jörg" and "jorg muller" alike: accents, case and punctuation dropped, words in order. */
    static String normalise(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        String[] words = plain.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
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
