package dev.baton.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys no two rows of one file may share (external ids, a lead's e-mail, a contact's e-mail at its account, an account's
 * primary contact, a new person's username), each with the first
 * row that had it, and whether that row was refused (had any error: a later row with its key still repeats
 * it, and says so). Earlier chunks' keys live in a temporary table of the import's transaction, not
 * in the heap, so memory stays flat however long the file: before a chunk, the keys its rows may
 * ask about are read from the table; after it, the chunk's new keys are added. Needs one transaction
 * around the whole pass (the table is dropped at its end).
 */
final class FileKeys {

    private final JdbcTemplate jdbc;
    private Set<String> announced = Set.of();
    private final Map<String, Long> earlier = new HashMap<>();
    /** The first rows of {@link #earlier} that were refused. */
    private final Set<Long> earlierRefused = new HashSet<>();

    private final Map<String, Long> added = new HashMap<>();

    /** Creates the table: call inside the transaction the pass runs in. */
    FileKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("create temporary table import_key (key text primary key, first_row bigint not null,"
                + " refused boolean not null) on commit drop");
    }

    /** A chunk begins: {@code keys} are all that its rows may ask {@link #firstRow} about. */
    void before(Set<String> keys) {
        announced = keys;
        earlier.clear();
        earlierRefused.clear();
        added.clear();
        if (!keys.isEmpty()) {
            jdbc.query(
                    "select key, first_row, refused from import_key where key = any(?)",
                    rs -> {
                        earlier.put(rs.getString(1), rs.getLong(2));
                        if (rs.getBoolean(3)) {
                            earlierRefused.add(rs.getLong(2));
                        }
                    },
                    (Object) keys.toArray(String[]::new));
        }
    }

    /**
     * The first row of the file with this key: {@code row} itself when none before it had it (then
     * {@code row} is remembered as the first).
     *
     * @throws IllegalStateException when the key was not announced for this chunk (a bug: the
     *     repeat would go unnoticed)
     */
    long firstRow(String key, long row) {
        if (!announced.contains(key)) {
            throw new IllegalStateException("import key " + key + " was not looked up for this chunk");
        }
        Long first = earlier.get(key);
        return first != null ? first : added.computeIfAbsent(key, k -> row);
    }

    /**
     * Whether {@code row}, of an earlier chunk, was refused: asked of a row {@link #firstRow} named as
     * the first with a key of this chunk's (false for any other row).
     */
    boolean refusedEarlier(long row) {
        return earlierRefused.contains(row);
    }

    /** Forgets every key of the file: a first pass over it is done ({@link ImportRun#lookingAhead()}). */
    void clear() {
        jdbc.update("delete from import_key");
    }

    /** The chunk is done: its new keys go to the table, with whether their row is among {@code refused}. */
    void after(Set<Long> refused) {
        if (!added.isEmpty()) {
            List<String> keys = new ArrayList<>(added.keySet());
            Long[] rows = keys.stream().map(added::get).toArray(Long[]::new);
            Boolean[] refusedRows =
                    keys.stream().map(k -> refused.contains(added.get(k))).toArray(Boolean[]::new);
            jdbc.update(
                    "insert into import_key (key, first_row, refused)"
                            + " select * from unnest(?::text[], ?::bigint[], ?::boolean[]) on conflict do nothing",
                    keys.toArray(String[]::new),
                    rows,
                    refusedRows);
        }
        added.clear();
        earlier.clear();
        earlierRefused.clear();
        announced = Set.of();
    }

    /** Every key a row might be asked about, by the rules of {@link ImportRun}. */
    static Set<String> of(List<ImportRow> chunk, ImportRun run) {
        Set<String> keys = new HashSet<>();
        for (ImportRow row : chunk) {
            String email = row.get("email");
            String account = run.reference(row.get("account"));
            boolean contact = email != null && account != null;
            if (account != null && row.get("primary") != null) {
                keys.add(ContactRows.primaryKey(account));
            }
            if (contact) {
                // its address counts at its account only, and it asks nothing of the other e-mail or username keys
                keys.add(ContactRows.emailKey(account, email));
            }
            for (String field : ImportRun.KEY_FIELDS) {
                if (contact && field.equals("email")) {
                    continue;
                }
                String key = run.idKey(field, row.get(field));
                if (key != null) {
                    keys.add(key);
                }
            }
            if (contact) {
                continue;
            }
            if (email != null) {
                keys.add(ImportRun.emailKey(email));
            }
            String username = PeopleRows.username(row);
            if (username != null) {
                keys.add(PeopleRows.usernameKey(username));
            }
        }
        return keys;
    }
}
