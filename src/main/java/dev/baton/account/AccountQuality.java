package dev.baton.account;

import dev.baton.shared.SqlArrays;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /** Normalised names at least this similar (Jaro-Winkler, 0 to 1) are likely one person. */
    public static final double CLOSE_NAMES = 0.93;

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
    /** The columns of {@link #ACCOUNT} and a contact, without the names of account and owner. */
    private static final String LEAN_CONTACT = "select c.account_id, null, a.owner_id, null, c.id, c.full_name,"
            + " lower(c.email) from contact c join account a on a.id = c.account_id";

    private static final String STALE = "(c.last_verified_at is null or c.last_verified_at < ?)";
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
     * The counts in two passes, one over contacts and one over accounts (five passes, one per kind, took
     * seconds at 300,000 contacts). The primary contact is found through its unique partial index.
     */
    private static final String CONTACT_COUNTS = "select a.owner_id, count(*) filter (where " + STALE + "),"
            + " count(*) filter (where " + UNREACHABLE + ") from contact c join account a on a.id = c.account_id"
            + " where true" + SCOPE + " group by a.owner_id";

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
     * Findings of each kind by account owner (null key: no owner), only the kinds found; contacts not
     * verified since {@code staleBefore} are stale. {@code owners}: only the accounts these people own
     * (null: every account, also those without an owner).
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Long>> countsByOwner(Instant staleBefore, Collection<Long> owners) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        String scope = SqlArrays.ofIds(owners);
        jdbc.query(
                CONTACT_COUNTS,
                adding(counts, List.of(STALE_CONTACT, UNREACHABLE_CONTACT)),
                Timestamp.from(staleBefore),
                scope,
                scope);
        jdbc.query(
                ACCOUNT_COUNTS,
                adding(counts, List.of(ACCOUNT_WITHOUT_OWNER, ACCOUNT_OWNER_INACTIVE, ACCOUNT_WITHOUT_PRIMARY_CONTACT)),
                scope,
                scope);
        duplicates(null, owners, false, f -> {
            counts.computeIfAbsent(f.ownerId(), o -> new HashMap<>()).merge(DUPLICATE_CONTACTS, 1L, Long::sum);
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
            List<Finding> page = new ArrayList<>();
            long[] skip = {offset};
            duplicates(ownerId, owners, true, f -> {
                if (skip[0] > 0) {
                    skip[0]--;
                } else {
                    page.add(f);
                }
                return page.size() < limit;
            });
            return page;
        }
        String scope = SqlArrays.ofIds(owners);
        String sql = "select * from (" + SQL.get(kind) + SCOPE + ")" + COLUMNS
                + " where (?::bigint is null or owner_id = ?) order by account_id, contact_id nulls first limit ? offset ?";
        return jdbc.query(
                sql, finding(kind), Timestamp.from(staleBefore), scope, scope, ownerId, ownerId, limit, offset);
    }

    /**
     * Pairs of contacts at one account that are likely one person: the same e-mail address, or names
     * that are close once accents, case, punctuation and word order are set aside; by account, then
     * the earlier contact's id, then the later one's. The contacts are read once, streamed in account
     * order, and each name is normalised once; {@code found} returns false to stop reading. Without
     * {@code labelled} the findings carry no account or owner name (for counting: less to read).
     */
    private void duplicates(Long ownerId, Collection<Long> owners, boolean labelled, Predicate<Finding> found) {
        String scope = SqlArrays.ofIds(owners);
        String sql = (labelled ? ACCOUNT + ", c.id, c.full_name, lower(c.email)" + FROM_CONTACT : LEAN_CONTACT)
                + " where (?::bigint is null or a.owner_id = ?)" + SCOPE + " order by c.account_id, c.id";
        jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(sql);
                    ps.setFetchSize(10_000);
                    ps.setObject(1, ownerId, Types.BIGINT);
                    ps.setObject(2, ownerId, Types.BIGINT);
                    ps.setString(3, scope);
                    ps.setString(4, scope);
                    return ps;
                },
                (ResultSetExtractor<Void>) rs -> {
                    DuplicatePairs account = null;
                    while (rs.next()) {
                        long accountId = rs.getLong(1);
                        if (account == null || account.accountId != accountId) {
                            if (account != null && !account.pairs(found)) {
                                return null;
                            }
                            account = new DuplicatePairs(
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

    /** The contacts of one account, compared pairwise once all are read. */
    private static final class DuplicatePairs {

        private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

        final long accountId;
        final String accountName;
        final Long ownerId;
        final String ownerName;
        final List<Named> contacts = new ArrayList<>();

        DuplicatePairs(long accountId, String accountName, Long ownerId, String ownerName) {
            this.accountId = accountId;
            this.accountName = accountName;
            this.ownerId = ownerId;
            this.ownerName = ownerName;
        }

        /** {@code email} in lower case, or null. */
        record Named(long id, String name, String email) {}

        void add(long id, String name, String email) {
            contacts.add(new Named(id, name, email));
        }

        /** False when {@code found} asked to stop. */
        boolean pairs(Predicate<Finding> found) {
            if (contacts.size() < 2) {
                return true;
            }
            String[] normalised =
                    contacts.stream().map(c -> normalise(c.name())).toArray(String[]::new);
            for (int b = 0; b < contacts.size(); b++) {
                for (int c = b + 1; c < contacts.size(); c++) {
                    Named earlier = contacts.get(b);
                    Named later = contacts.get(c);
                    boolean sameEmail =
                            earlier.email() != null && earlier.email().equals(later.email());
                    if ((sameEmail || SIMILARITY.apply(normalised[b], normalised[c]) >= CLOSE_NAMES)
                            && !found.test(new Finding(
                                    DUPLICATE_CONTACTS,
                                    accountId,
                                    accountName,
                                    ownerId,
                                    ownerName,
                                    later.id(),
                                    later.name(),
                                    earlier.id(),
                                    earlier.name(),
                                    sameEmail ? "same e-mail address" : "close names"))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * "Müller, Jörg" and "jorg muller" alike: accents, case and punctuation dropped, words in order.
     * A name in plain ASCII (most of them) takes a loop that yields the same without Unicode
     * normalisation or regular expressions: these were a third of the data-quality summary's time at
     * 300,000 contacts. Takes a non-null name; returns its words joined by single spaces ("" for none).
     */
    public static String normalise(String name) {
        List<String> words = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= name.length(); i++) {
            char ch = i < name.length() ? name.charAt(i) : ' ';
            if (ch >= 0x80) {
                return normaliseUnicode(name);
            }
            boolean letterOrDigit = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9';
            if (letterOrDigit && start < 0) {
                start = i;
            } else if (!letterOrDigit && start >= 0) {
                words.add(name.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        words.sort(null);
        return String.join(" ", words);
    }

    /** {@link #normalise} for any name: decomposed, marks dropped, lower case, split on what is not a letter or digit. */
    static String normaliseUnicode(String name) {
        String plain = NOT_LETTERS
                .matcher(MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                        .replaceAll("")
                        .toLowerCase(Locale.ROOT))
                .replaceAll(" ")
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
