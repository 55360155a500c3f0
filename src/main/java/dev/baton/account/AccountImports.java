package dev.baton.account;

import dev.baton.audit.AuditLog;
import dev.baton.shared.DeliverableEmail;
import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import dev.baton.shared.SingleLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk writes and look-ups for importing accounts, contacts and interactions from a CRM export. Each
 * record is keyed by its source system and external id, so importing the same rows again updates
 * them. Writes join the caller's transaction (an import is all-or-nothing) and are batched.
 */
@Service
public class AccountImports {

    /**
     * An account row; {@code ownerId} null leaves the account unowned. Its values are held to the
     * rules of {@link NewAccount}, as the import checks them (with a jakarta {@code Validator}).
     */
    public record ImportedAccount(
            String externalId,
            @NotBlank @Size(max = 255) @SingleLine String name,
            Long ownerId,
            @Size(max = 60) @SingleLine String segment,
            @Size(max = 60) @SingleLine String territory,
            @SaneDate LocalDate renewalDate) {}

    /**
     * A contact row at an account (by Baton id), held to the rules of {@link ContactDetails};
     * {@code lastVerifiedAt} null keeps what Baton has, and it is never in the future (Baton records a
     * verification when it happens, and a future one would never go stale). {@code primary} true makes
     * the contact its account's primary contact ({@link #makePrimary}); false keeps the mark as it is.
     */
    public record ImportedContact(
            String externalId,
            long accountId,
            @NotBlank @Size(max = 200) @SingleLine String fullName,
            @Size(max = 200) @SingleLine String title,

            @Email @Size(max = 254) @SingleLine @DeliverableEmail
            String email,

            @Size(max = 60) @SingleLine String phone,
            @PastOrPresent @SaneDate Instant lastVerifiedAt,
            boolean primary) {}

    /** An interaction row, held to the rules of {@link NewInteraction}; {@code contactId} may be null. */
    public record ImportedInteraction(
            String externalId,
            long accountId,
            Long contactId,
            InteractionKind kind,
            @NotBlank @Size(max = 4000) @PlainText String summary,
            long byId,
            @PastOrPresent @SaneDate Instant occurredAt) {}

    /**
     * A record found by external id: its Baton id and the account it belongs to (its own id for an
     * account); {@code otherId} when a contact was found by another id kept for it (of a contacts row
     * merged into it, see {@link #keepOtherIds}), not by its own; {@code named} the record as an
     * import's report names it, as it stood before the import ("the account Acme GmbH", "the contact
     * Anna de Vries at Acme GmbH", "the call \"Talked about the renewal\" at Acme GmbH").
     */
    public record Found(long id, long accountId, boolean otherId, String named) {

        /** The page that shows the record: its account's (contacts and interactions are on it). */
        public String page() {
            return "/accounts/" + accountId;
        }
    }

    /** Words of an interaction's summary a report quotes: its first line, cut here. */
    private static final int SUMMARY_WORDS = 60;

    /**
     * A contact found by e-mail address at an account: its id, name, whether it has an external id
     * (from any source), and its account's name, for telling a user which contact a row met.
     */
    public record ContactWithEmail(long id, String fullName, boolean hasExternalId, String accountName) {}

    private final JdbcTemplate jdbc;

    /** A provider: the handover feature, which implements it, depends on accounts. */
    private final ObjectProvider<PendingHandovers> pendingHandovers;

    private final AuditLog audit;

    AccountImports(JdbcTemplate jdbc, ObjectProvider<PendingHandovers> pendingHandovers, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.pendingHandovers = pendingHandovers;
    }

    /**
     * Why each of these accounts may not change owner by a file now, by account id: a running handover is
     * still to move it ({@link PendingHandovers}; the API's 409 for the same change).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, String> stillToMoveByHandover(Collection<Long> accountIds) {
        PendingHandovers pending = pendingHandovers.getIfAvailable();
        return pending == null || accountIds.isEmpty() ? Map.of() : pending.whyNotMoveNow(accountIds);
    }

    /** Accounts of {@code source} by external id, for those of {@code externalIds} that exist. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, Found> accounts(String source, Collection<String> externalIds) {
        return find(
                "select external_id, id, id, name from account where external_source = ? and external_id = any(?)",
                source,
                externalIds,
                rs -> new Found(rs.getLong(2), rs.getLong(3), false, "the account " + rs.getString(4)));
    }

    /**
     * The external ids of those of {@code rows} whose account of {@code source} exists and has every value
     * the row gives it already (name, owner, segment, territory, renewal date): importing them changes
     * nothing, which the import's report says ("nothing changed") and {@link #upsertAccounts} need not be
     * given them. One query for the rows, an index look-up per row (as in {@link #contactsWithEmails}).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public java.util.Set<String> unchangedAccounts(String source, List<ImportedAccount> rows) {
        java.util.Set<String> same = new java.util.HashSet<>();
        if (rows.isEmpty()) {
            return same;
        }
        jdbc.query(
                """
        select r.external_id
        from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::date[], ?::text[])
            as r (name, owner_id, segment, territory, renewal_date, external_id)
          cross join lateral (
            select name, owner_id, segment, territory, renewal_date from account
            where external_source = ? and external_id = r.external_id offset 0) a
        where (a.name, a.owner_id, a.segment, a.territory, a.renewal_date)
          is not distinct from (r.name, r.owner_id, r.segment, r.territory, r.renewal_date)""",
                rs -> {
                    same.add(rs.getString(1));
                },
                columnsAndSource(rows, source));
        return same;
    }

    /**
     * The rows' values as the arrays the account queries unnest, then {@code source}: name, owner id, segment,
     * territory, renewal date (ISO text), external id.
     */
    private static Object[] columnsAndSource(List<ImportedAccount> rows, String source) {
        return new Object[] {
            column(rows, ImportedAccount::name),
            rows.stream().map(ImportedAccount::ownerId).toArray(Long[]::new),
            column(rows, ImportedAccount::segment),
            column(rows, ImportedAccount::territory),
            column(rows, a -> a.renewalDate() == null ? null : a.renewalDate().toString()),
            column(rows, ImportedAccount::externalId),
            source
        };
    }

    /**
     * A contacts row that meets a contact Baton has: the contact's id, whether the row is merged into it
     * ({@link #mergeContacts}, which keeps the contact's title and phone where the row has none) rather than
     * written over it ({@link #upsertContacts}), and the row.
     */
    public record ContactMet(long contactId, boolean merged, ImportedContact row) {}

    /**
     * The ids of the contacts of {@code met} to which their row would change nothing: the name, title,
     * e-mail and phone it writes are the contact's already (title and phone only where a merged row gives
     * them; e-mail as written, case too; a merged row never writes it), its verification is none or the
     * contact's, it asks for no primary mark the contact lacks (unless the contact has left, who is never
     * made primary), and a merged row gives no external id to a contact that has none. One query for the
     * rows, an index look-up per row.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public java.util.Set<Long> unchangedContacts(List<ContactMet> met) {
        java.util.Set<Long> same = new java.util.HashSet<>();
        if (met.isEmpty()) {
            return same;
        }
        jdbc.query(
                """
        select c.id
        from unnest(?::bigint[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
            ?::boolean[]) as r (id, merged, full_name, title, email, phone, last_verified_at, make_primary)
          cross join lateral (select * from contact where id = r.id offset 0) c
        where c.full_name is not distinct from r.full_name
          and (r.last_verified_at is null or c.last_verified_at is not distinct from r.last_verified_at)
          and (not r.make_primary or c.primary_contact or c.retired_at is not null)
          and case when r.merged
            then (r.title is null or c.title is not distinct from r.title)
              and (r.phone is null or c.phone is not distinct from r.phone) and c.external_id is not null
            else (c.title, c.email, c.phone) is not distinct from (r.title, r.email, r.phone) end""",
                rs -> {
                    same.add(rs.getLong(1));
                },
                met.stream().map(ContactMet::contactId).toArray(Long[]::new),
                met.stream().map(ContactMet::merged).toArray(Boolean[]::new),
                column(met, m -> m.row().fullName()),
                column(met, m -> m.row().title()),
                column(met, m -> m.row().email()),
                column(met, m -> m.row().phone()),
                column(
                        met,
                        m -> m.row().lastVerifiedAt() == null
                                ? null
                                : m.row().lastVerifiedAt().toString()),
                met.stream().map(m -> m.row().primary()).toArray(Boolean[]::new));
        return same;
    }

    /** An interactions row that meets an interaction Baton has: the interaction's id, and the row. */
    public record InteractionMet(long interactionId, ImportedInteraction row) {}

    /**
     * The ids of the interactions of {@code met} to which their row would change nothing: the contact, kind,
     * summary, author and time {@link #upsertInteractions} writes are the interaction's already. One query for the
     * rows, an index look-up per row (as {@link #unchangedContacts}).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public java.util.Set<Long> unchangedInteractions(List<InteractionMet> met) {
        java.util.Set<Long> same = new java.util.HashSet<>();
        if (met.isEmpty()) {
            return same;
        }
        jdbc.query(
                """
        select i.id
        from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[])
            as r (id, contact_id, kind, summary, by_id, occurred_at)
          cross join lateral (select * from interaction where id = r.id offset 0) i
        where (i.contact_id, i.kind, i.summary, i.by_id, i.occurred_at)
          is not distinct from (r.contact_id, r.kind, r.summary, r.by_id, r.occurred_at)""",
                rs -> {
                    same.add(rs.getLong(1));
                },
                met.stream().map(InteractionMet::interactionId).toArray(Long[]::new),
                met.stream().map(m -> m.row().contactId()).toArray(Long[]::new),
                column(met, m -> m.row().kind().name()),
                column(met, m -> m.row().summary()),
                met.stream().map(m -> m.row().byId()).toArray(Long[]::new),
                column(met, m -> m.row().occurredAt().toString()));
        return same;
    }

    /**
     * The owners of the accounts of {@code source} with these external ids, by external id: those that
     * exist and have an owner. One query.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, Long> ownerIds(String source, Collection<String> externalIds) {
        Map<String, Long> owners = new HashMap<>();
        jdbc.query(
                "select external_id, owner_id from account where external_source = ? and external_id = any(?)"
                        + " and owner_id is not null",
                rs -> {
                    owners.put(rs.getString(1), rs.getLong(2));
                },
                source,
                externalIds.toArray(String[]::new));
        return owners;
    }

    /**
     * Contacts of {@code source} by external id, for those of {@code externalIds} that exist: by a
     * contact's own id, or by another id kept for it ({@link Found#otherId()}, see {@link #keepOtherIds}).
     * One query, an index look-up per id in each table (the other ids one by one, as in {@link
     * #contactsWithEmails}: the import's own transaction writes them unseen by the table's statistics).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, Found> contacts(String source, Collection<String> externalIds) {
        Map<String, Found> found = new HashMap<>();
        String[] ids = externalIds.toArray(String[]::new);
        jdbc.query(
                """
        select c.external_id, c.id, c.account_id, false, c.full_name, a.name
        from contact c join account a on a.id = c.account_id
        where c.external_source = ? and c.external_id = any(?)
        union all
        select r.id, c.id, c.account_id, true, c.full_name, a.name
        from unnest(?::text[]) as r (id)
          cross join lateral (
            select contact_id from contact_other_id where external_source = ? and external_id = r.id offset 0) o
          join contact c on c.id = o.contact_id
          join account a on a.id = c.account_id""",
                rs -> {
                    // a contact's own id wins over one kept for another
                    found.merge(
                            rs.getString(1),
                            new Found(
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getBoolean(4),
                                    "the contact " + rs.getString(5) + " at " + rs.getString(6)),
                            (a, b) -> a.otherId() ? b : a);
                },
                source,
                ids,
                ids,
                source);
        return found;
    }

    /** Interactions of {@code source} by external id, for those of {@code externalIds} that exist. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, Found> interactions(String source, Collection<String> externalIds) {
        return find(
                """
        select i.external_id, i.id, i.account_id, i.kind, i.summary, a.name
        from interaction i join account a on a.id = i.account_id
        where i.external_source = ? and i.external_id = any(?)""",
                source,
                externalIds,
                rs -> new Found(
                        rs.getLong(2),
                        rs.getLong(3),
                        false,
                        "the "
                                + InteractionKind.valueOf(rs.getString(4))
                                        .label()
                                        .toLowerCase(Locale.ROOT) + " \"" + firstWords(rs.getString(5)) + "\" at "
                                + rs.getString(6)));
    }

    /**
     * The contacts that have the e-mail address of one of {@code rows} (any case) at its account, keyed by
     * {@link #emailAtAccount}, oldest first (an account may have several with one address from before
     * imports checked it). One query for a chunk of rows, an index look-up per address: the import's
     * transaction writes its contacts before the next chunk asks, unseen by the table's statistics, so
     * as a join the planner hashed the whole, ever larger contact table each chunk (its cost grew with
     * the square of the file); the pairs are looked up one by one ({@code offset 0} keeps the subquery
     * a subquery) and the cost stays with the chunk.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, List<ContactWithEmail>> contactsWithEmails(List<ImportedContact> rows) {
        Map<String, List<ContactWithEmail>> found = new HashMap<>();
        List<ImportedContact> withEmail =
                rows.stream().filter(r -> r.email() != null).toList();
        if (withEmail.isEmpty()) {
            return found;
        }
        jdbc.query(
                """
        select r.account_id, r.email, c.id, c.full_name, c.external_id is not null, a.name
        from unnest(?::text[], ?::bigint[]) as r (email, account_id)
          cross join lateral (
            select id, full_name, external_id from contact
            where lower(email) = r.email and account_id = r.account_id offset 0) c
          join account a on a.id = r.account_id
        order by c.id""",
                rs -> {
                    found.computeIfAbsent(emailAtAccount(rs.getLong(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new ContactWithEmail(
                                    rs.getLong(3), rs.getString(4), rs.getBoolean(5), rs.getString(6)));
                },
                withEmail.stream().map(r -> r.email().toLowerCase(Locale.ROOT)).toArray(String[]::new),
                withEmail.stream().map(ImportedContact::accountId).toArray(Long[]::new));
        return found;
    }

    /** How {@link #contactsWithEmails} keys a contact: its account and its e-mail address in any case. */
    public static String emailAtAccount(long accountId, String email) {
        return accountId + ":" + email.toLowerCase(Locale.ROOT);
    }

    /** The names of these accounts by id. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, String> accountNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query(
                    "select id, name from account where id = any(?)",
                    rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    },
                    (Object) ids.stream().distinct().toArray(Long[]::new));
        }
        return names;
    }

    /**
     * Merges each row into the contact (by id) that has its e-mail address at its account: the row's
     * name, and its title, phone and verification where it gives them; the contact takes the row's
     * source and external id when it has none (so a later file naming the row's id finds it), else
     * keeps its own. Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mergeContacts(String source, Map<Long, ImportedContact> rows) {
        jdbc.batchUpdate("""
        update contact set full_name = ?, title = coalesce(?, title), phone = coalesce(?, phone),
          last_verified_at = coalesce(?, last_verified_at),
          external_source = case when external_id is null then ? else external_source end,
          external_id = coalesce(external_id, ?), version = version + 1, updated_at = now()
        where id = ?""", List.copyOf(rows.entrySet()), 1000, (ps, e) -> {
            ImportedContact c = e.getValue();
            ps.setString(1, c.fullName());
            ps.setString(2, c.title());
            ps.setString(3, c.phone());
            ps.setObject(4, c.lastVerifiedAt() == null ? null : Timestamp.from(c.lastVerifiedAt()));
            ps.setString(5, source);
            ps.setString(6, c.externalId());
            ps.setLong(7, e.getKey());
        });
    }

    /**
     * Keeps the id of each of {@code rows} (contacts rows skipped or merged for having the e-mail address
     * of a contact at their account) as another id of that contact, the oldest with the address, so
     * that later files naming the row's id find it ({@link #contacts}). Call after the chunk's contacts
     * are written. An id that is a contact's own id already, or kept before, is left as it is (a
     * re-import adds nothing); a row whose address no contact has at its account keeps nothing. One
     * statement per chunk, index look-ups per row as in {@link #contactsWithEmails} (no {@code limit}:
     * it could make the planner walk the primary key instead; {@code offset 0} keeps the check of own
     * ids from becoming a join over all the source's contacts); joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void keepOtherIds(String source, List<ImportedContact> rows) {
        jdbc.update(
                """
        insert into contact_other_id (external_source, external_id, contact_id)
        select distinct on (r.external_id) ?, r.external_id, c.id
        from unnest(?::text[], ?::text[], ?::bigint[]) as r (external_id, email, account_id)
          cross join lateral (
            select id from contact where lower(email) = r.email and account_id = r.account_id offset 0) c
        where not exists (
          select 1 from contact o where o.external_source = ? and o.external_id = r.external_id offset 0)
        order by r.external_id, c.id
        on conflict (external_source, external_id) do nothing""",
                source,
                column(rows, ImportedContact::externalId),
                column(rows, r -> r.email().toLowerCase(Locale.ROOT)),
                rows.stream().map(ImportedContact::accountId).toArray(Long[]::new),
                source);
    }

    /**
     * The import that writes: its id and file, as the account's timeline names it ("import #4,
     * accounts.csv"). Who imports is the current actor ({@link AuditLog#currentActor}).
     */
    public record ImportedBy(long importId, String file) {

        /** What every timeline entry of the import keeps, beside its own fields. */
        Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("importId", importId);
            fields.put("file", file);
            return fields;
        }
    }

    /** An account's fields as its audit events keep them ({@code AccountService}'s snapshot). */
    private static final String STATE = "a.name, p.username, a.segment, a.territory, a.renewal_date";

    /**
     * Writes the rows (new accounts, and those of {@code source} with their external ids again) and
     * tells each account's story on its timeline: {@code account.imported} for an account the import
     * made (its fields, from which file and import), {@code account.import-updated} for one whose
     * fields a row changed (before and after of those fields only); a row that changes nothing is not
     * told. One statement for the rows, one read of the accounts they name before, one insert of the
     * audit records: not one round trip per row. Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void upsertAccounts(String source, List<ImportedAccount> rows, ImportedBy by) {
        String[] externalIds = column(rows, ImportedAccount::externalId);
        Map<String, Map<String, Object>> before = new HashMap<>();
        jdbc.query(
                "select a.external_id, " + STATE + " from account a left join person p on p.id = a.owner_id"
                        + " where a.external_source = ? and a.external_id = any(?)",
                rs -> {
                    before.put(rs.getString(1), state(rs, 2));
                },
                source,
                externalIds);
        List<AuditLog.Recorded> imported = new ArrayList<>();
        List<AuditLog.Recorded> changed = new ArrayList<>();
        jdbc.query(
                """
        with r as (
          select * from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::date[], ?::text[])
            as r (name, owner_id, segment, territory, renewal_date, external_id)),
        a as (
          insert into account (name, owner_id, segment, territory, renewal_date, external_source, external_id)
          select r.name, r.owner_id, r.segment, r.territory, r.renewal_date, ?, r.external_id from r
          on conflict (external_source, external_id) where external_id is not null do update set name = excluded.name,
            owner_id = excluded.owner_id, segment = excluded.segment, territory = excluded.territory,
            renewal_date = excluded.renewal_date, version = account.version + 1, updated_at = now()
          returning id, external_id, name, owner_id, segment, territory, renewal_date)
        select a.id, a.external_id, """ + STATE + " from a left join person p on p.id = a.owner_id",
                rs -> {
                    long id = rs.getLong(1);
                    Map<String, Object> after = state(rs, 3);
                    Map<String, Object> was = before.get(rs.getString(2));
                    if (was == null) {
                        after.putAll(by.fields());
                        after.put("source", source);
                        imported.add(new AuditLog.Recorded(id, id, null, after));
                        return;
                    }
                    Map<String, Object> from = new LinkedHashMap<>();
                    Map<String, Object> to = new LinkedHashMap<>();
                    after.forEach((field, value) -> {
                        if (!Objects.equals(was.get(field), value)) {
                            from.put(field, was.get(field));
                            to.put(field, value);
                        }
                    });
                    if (!to.isEmpty()) {
                        to.putAll(by.fields());
                        changed.add(new AuditLog.Recorded(id, id, from, to));
                    }
                },
                columnsAndSource(rows, source));
        audit.recordAll(IMPORTED, "account", imported);
        audit.recordAll(IMPORT_UPDATED, "account", changed);
    }

    /** The audit action of an account an import made. */
    public static final String IMPORTED = "account.imported";

    /** The audit action of an account whose fields an import changed. */
    public static final String IMPORT_UPDATED = "account.import-updated";

    /** The audit action telling how many records of one kind an import gave an account. */
    public static final String RECORDS_IMPORTED = "account.records-imported";

    /** The account's fields from {@link #STATE}'s columns, from {@code first} on, named as the audit trail names them. */
    private static Map<String, Object> state(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", rs.getString(first));
        state.put("owner", rs.getString(first + 1));
        state.put("segment", rs.getString(first + 2));
        state.put("territory", rs.getString(first + 3));
        state.put("renewalDate", rs.getString(first + 4));
        return state;
    }

    /**
     * Notes that an import wrote records of one kind at these accounts (account id to how many rows were new
     * and how many updated ones it had, {@code [created, updated]}), for {@link #tellRecordsImported} at its
     * end: one line per account and import on the timeline, however the file orders its rows. Kept in a
     * temporary table of the import's transaction (made at the first call), not in the heap: one statement per
     * chunk. Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tallyRecordsImported(Map<Long, int[]> counts) {
        if (counts.isEmpty()) {
            return;
        }
        jdbc.execute("create temporary table if not exists import_tally (account_id bigint primary key,"
                + " created int not null, updated int not null) on commit drop");
        List<Long> ids = List.copyOf(counts.keySet());
        jdbc.update(
                """
        insert into import_tally (account_id, created, updated)
        select * from unnest(?::bigint[], ?::int[], ?::int[])
        on conflict (account_id) do update set created = import_tally.created + excluded.created,
          updated = import_tally.updated + excluded.updated""",
                ids.toArray(Long[]::new),
                ids.stream().map(id -> counts.get(id)[0]).toArray(Integer[]::new),
                ids.stream().map(id -> counts.get(id)[1]).toArray(Integer[]::new));
    }

    /**
     * Tells on each account's timeline what {@link #tallyRecordsImported} noted in this transaction: one
     * {@code account.records-imported} per account ("Olga Reyes imported 3 contacts"), {@code kind} the
     * records' plural in the timeline's words ("contacts", "interactions", "promises"). Nothing when nothing
     * was noted. A thousand accounts per insert. Joins the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void tellRecordsImported(String kind, ImportedBy by) {
        Boolean noted = jdbc.queryForObject("select to_regclass('pg_temp.import_tally') is not null", Boolean.class);
        if (!Boolean.TRUE.equals(noted)) {
            return;
        }
        List<AuditLog.Recorded> told = new ArrayList<>();
        jdbc.query("select account_id, created, updated from import_tally order by account_id", rs -> {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("kind", kind);
            after.put("created", rs.getInt(2));
            after.put("updated", rs.getInt(3));
            after.putAll(by.fields());
            told.add(new AuditLog.Recorded(rs.getLong(1), rs.getLong(1), null, after));
            if (told.size() == 1000) {
                audit.recordAll(RECORDS_IMPORTED, "account", told);
                told.clear();
            }
        });
        audit.recordAll(RECORDS_IMPORTED, "account", told);
        jdbc.execute("drop table import_tally");
    }

    /** One statement per chunk (the rows as arrays), not one round trip per row. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void upsertContacts(String source, List<ImportedContact> rows) {
        jdbc.update(
                """
        insert into contact (account_id, full_name, title, email, phone, last_verified_at, external_source, external_id)
        select r.account_id, r.full_name, r.title, r.email, r.phone, r.last_verified_at, ?, r.external_id
        from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
          as r (account_id, full_name, title, email, phone, last_verified_at, external_id)
        on conflict (external_source, external_id) where external_id is not null do update set
          full_name = excluded.full_name, title = excluded.title, email = excluded.email, phone = excluded.phone,
          last_verified_at = coalesce(excluded.last_verified_at, contact.last_verified_at),
          version = contact.version + 1, updated_at = now()""",
                source,
                rows.stream().map(ImportedContact::accountId).toArray(Long[]::new),
                column(rows, ImportedContact::fullName),
                column(rows, ImportedContact::title),
                column(rows, ImportedContact::email),
                column(rows, ImportedContact::phone),
                column(
                        rows,
                        c -> c.lastVerifiedAt() == null
                                ? null
                                : c.lastVerifiedAt().toString()),
                column(rows, ImportedContact::externalId));
    }

    /**
     * Makes each contact named its account's primary contact, as the API's {@link ContactService#appoint}
     * does: the account's previous primary contact stops being so (one per account, {@code
     * contact_one_primary_per_account}). Call after the chunk's contacts are written. A contact who left
     * the company ({@code retired_at}) is never made primary. The caller names at most one contact per
     * account (the import refuses a second primary row of an account). Joins the caller's transaction.
     *
     * @param source where the file comes from, whose external ids {@code externalIds} are
     * @param externalIds the contacts' own ids in {@code source} (rows written by {@link #upsertContacts})
     * @param contactIds the contacts by Baton id (rows merged into a contact, {@link #mergeContacts})
     * @return how many contacts became primary that were not
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int makePrimary(String source, Collection<String> externalIds, Collection<Long> contactIds) {
        if (externalIds.isEmpty() && contactIds.isEmpty()) {
            return 0;
        }
        Long[] chosen = jdbc.queryForList(
                        """
        select id from contact where retired_at is null and not primary_contact
          and ((external_source = ? and external_id = any(?)) or id = any(?))""", Long.class, source, externalIds.toArray(String[]::new), contactIds.toArray(Long[]::new))
                .toArray(Long[]::new);
        if (chosen.length == 0) {
            return 0;
        }
        // two statements: the unique index is checked row by row, so the old mark goes before the new one comes
        jdbc.update("""
        update contact set primary_contact = false, version = version + 1, updated_at = now()
        where primary_contact and account_id in (select account_id from contact where id = any(?))""", (Object) chosen);
        return jdbc.update(
                "update contact set primary_contact = true, version = version + 1, updated_at = now() where id = any(?)",
                (Object) chosen);
    }

    private static <T> String[] column(List<T> rows, java.util.function.Function<T, String> field) {
        return rows.stream().map(field).toArray(String[]::new);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void upsertInteractions(String source, List<ImportedInteraction> rows) {
        jdbc.batchUpdate("""
        insert into interaction (account_id, contact_id, kind, summary, by_id, occurred_at, external_source, external_id)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (external_source, external_id) where external_id is not null do update set
          contact_id = excluded.contact_id, kind = excluded.kind, summary = excluded.summary, by_id = excluded.by_id,
          occurred_at = excluded.occurred_at""", rows, 1000, (ps, i) -> {
            ps.setLong(1, i.accountId());
            ps.setObject(2, i.contactId());
            ps.setString(3, i.kind().name());
            ps.setString(4, i.summary());
            ps.setLong(5, i.byId());
            ps.setTimestamp(6, Timestamp.from(i.occurredAt()));
            ps.setString(7, source);
            ps.setString(8, i.externalId());
        });
    }

    /** The records {@code query} finds for {@code source} and {@code externalIds}, by its first column. */
    private Map<String, Found> find(String query, String source, Collection<String> externalIds, ResultSetRow row) {
        Map<String, Found> found = new HashMap<>();
        jdbc.query(
                query,
                rs -> {
                    found.put(rs.getString(1), row.found(rs));
                },
                source,
                externalIds.toArray(String[]::new));
        return found;
    }

    /** A record found, read from the current row of a result. */
    @FunctionalInterface
    private interface ResultSetRow {
        Found found(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /** An interaction's summary as a report quotes it: its first line, cut at {@link #SUMMARY_WORDS}. */
    private static String firstWords(String summary) {
        String line = summary.strip().lines().findFirst().orElse("").strip();
        if (line.length() <= SUMMARY_WORDS) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(SUMMARY_WORDS - 1)) ? SUMMARY_WORDS - 1 : SUMMARY_WORDS;
        return line.substring(0, end).strip() + "…";
    }
}
