package dev.baton.imports;

import dev.baton.account.AccountImports;
import dev.baton.account.AccountImports.ContactMet;
import dev.baton.account.AccountImports.ContactWithEmail;
import dev.baton.account.AccountImports.Found;
import dev.baton.account.AccountImports.ImportedContact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Contact rows: at an account imported before from the same source (by its external id). No account
 * gets one e-mail address twice (any case): a row repeating an earlier row's address at the same
 * account is skipped, and a new row with the address of a contact the account has is merged into that
 * contact; each is a notice at {@code email}. One address at two accounts is two contacts. The id of a
 * skipped or merged row is kept as another id of the contact with its address ({@link
 * AccountImports#keepOtherIds}), so later files naming it find that contact; a row with such an id
 * updates that contact again, whatever its address now (reported when it differs).
 */
@Component
class ContactRows implements RowHandler {

    private final AccountImports accounts;

    ContactRows(AccountImports accounts) {
        this.accounts = accounts;
    }

    @Override
    public void handle(List<ImportRow> chunk, ImportRun run) {
        String source = run.source.name();
        Map<String, Found> accountIds = accounts.accounts(
                source,
                chunk.stream()
                        .map(r -> run.reference(r.get("account")))
                        .filter(a -> a != null)
                        .collect(Collectors.toSet()));
        List<ImportRow> rows = new ArrayList<>();
        List<ImportedContact> valid = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        List<Repeat> repeats = new ArrayList<>();
        for (ImportRow row : chunk) {
            String externalId = run.externalId(row, "external_id");
            Found account = account(row, run, accountIds);
            String name = fullName(row, run);
            String email = run.text(row, "email", 254);
            if (email != null && !Values.email(email)) {
                run.error(row, "email", "is not an e-mail address");
            }
            Instant verified = run.instant(row, "last_verified_at", false);
            String accountRef = run.reference(row.get("account"));
            boolean primary = primary(row, run, accountRef);
            ImportedContact contact = new ImportedContact(
                    externalId,
                    account == null ? 0 : account.id(),
                    name,
                    run.text(row, "title", 200),
                    email,
                    run.text(row, "phone", 60),
                    verified,
                    primary);
            run.check(row, contact);
            // the file's first row with this e-mail at this account, refused or not: a later one repeats it either way
            long first = email == null || accountRef == null
                    ? row.number()
                    : run.keys.firstRow(emailKey(accountRef, email), row.number());
            if (run.accepted(row)) {
                rows.add(row);
                valid.add(contact);
                firsts.add(first);
            } else if (first != row.number()) {
                repeats.add(new Repeat(row, first, contact.accountId(), accountRef, null));
            }
        }
        Map<String, Found> existing = accounts.contacts(
                source, valid.stream().map(ImportedContact::externalId).toList());
        refuseMovesToAnotherAccount(rows, valid, firsts, repeats, existing, accountIds, run);
        Map<String, List<ContactWithEmail>> withEmail = accounts.contactsWithEmails(valid);
        // the rows that meet a contact and would change none of its values: told so, and not written
        Set<Long> unchanged = accounts.unchangedContacts(IntStream.range(0, valid.size())
                .filter(i -> existing.containsKey(valid.get(i).externalId()))
                .mapToObj(i -> {
                    Found own = existing.get(valid.get(i).externalId());
                    return new ContactMet(own.id(), own.otherId(), valid.get(i));
                })
                .toList());
        List<ImportedContact> written = new ArrayList<>();
        Map<Long, ImportedContact> merged = new HashMap<>();
        List<ImportedContact> kept = new ArrayList<>();
        Map<Long, int[]> told = new HashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            ImportRow row = rows.get(i);
            ImportedContact contact = valid.get(i);
            Found own = existing.get(contact.externalId());
            List<ContactWithEmail> sameEmail = contact.email() == null
                    ? null
                    : withEmail.get(AccountImports.emailAtAccount(contact.accountId(), contact.email()));
            if (contact.email() != null) {
                long first = firsts.get(i);
                if (first != row.number()) {
                    boolean keeps = own == null || own.otherId();
                    repeats.add(new Repeat(
                            row,
                            first,
                            contact.accountId(),
                            run.reference(row.get("account")),
                            keeps ? contact.externalId() : null));
                    if (own == null) {
                        kept.add(contact);
                    }
                    continue;
                }
                ContactWithEmail same = other(sameEmail, own);
                if (same != null) {
                    String at = "the contact " + same.fullName() + " at " + same.accountName()
                            + " has this e-mail already: ";
                    String page = "/accounts/" + contact.accountId();
                    if (own == null) {
                        run.updated++;
                        ImportRun.tally(told, contact.accountId(), false);
                        run.notice(row, "email", at + "merged into that contact" + idKept(contact.externalId()), page);
                        merged.put(same.id(), contact);
                        kept.add(contact);
                    } else {
                        run.notice(
                                row,
                                "email",
                                at + "skipped, not imported twice (" + own.named()
                                        + ", imported before from this row's id, stays as it is)",
                                page);
                    }
                    continue;
                }
            }
            boolean changes = own == null || !unchanged.contains(own.id());
            run.matched(row, own, changes);
            if (!changes) {
                continue;
            }
            ImportRun.tally(told, contact.accountId(), own == null);
            if (own != null && own.otherId()) {
                // merged into this contact before: it is updated as a merge does, never made a second time
                if (contact.email() != null && sameEmail == null) {
                    run.notice(
                            row,
                            "email",
                            "its id is kept for " + own.named() + ", which an earlier import merged it into for"
                                    + " having that contact's e-mail then: the row updates that contact, which keeps"
                                    + " its own e-mail",
                            own.page());
                }
                merged.put(own.id(), contact);
            } else {
                written.add(contact);
            }
        }
        if (!repeats.isEmpty()) {
            Map<Long, String> names = accounts.accountNames(
                    repeats.stream().map(Repeat::accountId).toList());
            repeats.forEach(r -> run.repeatNotice(
                    r.row(),
                    "email",
                    r.first(),
                    of -> "same e-mail as " + of + " for account '"
                            + names.getOrDefault(r.accountId(), r.accountReference()) + "': skipped, not imported twice"
                            + (r.keptId() == null ? "" : idKept(r.keptId()))));
        }
        if (run.writing()) {
            accounts.upsertContacts(source, written);
            if (!merged.isEmpty()) {
                accounts.mergeContacts(source, merged);
            }
            if (!kept.isEmpty()) {
                accounts.keepOtherIds(source, kept);
            }
            // after the merges: a row merged into a contact makes that contact the primary one
            accounts.makePrimary(
                    source,
                    written.stream()
                            .filter(ImportedContact::primary)
                            .map(ImportedContact::externalId)
                            .toList(),
                    merged.entrySet().stream()
                            .filter(e -> e.getValue().primary())
                            .map(Map.Entry::getKey)
                            .toList());
            accounts.tallyRecordsImported(told);
        }
    }

    /**
     * A row whose id names a contact Baton has at another account than the row's is an error at {@code account}
     * ({@link ImportRun#movesToAnotherAccount}), and is dropped from {@code rows}, {@code valid} and {@code firsts}.
     * A refused row repeating an earlier row's e-mail still says so, as any refused row does.
     */
    private static void refuseMovesToAnotherAccount(
            List<ImportRow> rows,
            List<ImportedContact> valid,
            List<Long> firsts,
            List<Repeat> repeats,
            Map<String, Found> existing,
            Map<String, Found> accountIds,
            ImportRun run) {
        for (int i = valid.size() - 1; i >= 0; i--) {
            ImportedContact contact = valid.get(i);
            Found own = existing.get(contact.externalId());
            ImportRow row = rows.get(i);
            if (own == null || !run.movesToAnotherAccount(row, accountIds, own.accountId(), own.named(), "contact")) {
                continue;
            }
            if (firsts.get(i) != row.number()) {
                repeats.add(
                        new Repeat(row, firsts.get(i), contact.accountId(), run.reference(row.get("account")), null));
            }
            rows.remove(i);
            valid.remove(i);
            firsts.remove(i);
        }
    }

    /**
     * The row's {@code primary} cell, a yes or no ({@link ImportRun#bool}, blank: no): yes makes the contact its
     * account's primary contact, and the one before stops being so, as on the account page; no leaves the mark
     * where it is. An account has one primary contact, so a second row of one account saying yes is an error at
     * the column (found by probe 40: no import could name a primary contact, so every imported account lacked one).
     */
    private static boolean primary(ImportRow row, ImportRun run, String accountRef) {
        if (!Boolean.TRUE.equals(run.bool(row, "primary"))) {
            return false;
        }
        if (accountRef != null) {
            long first = run.keys.firstRow(primaryKey(accountRef), row.number());
            if (first != row.number()) {
                run.repeatError(
                        row,
                        "primary",
                        first,
                        of -> "makes a second primary contact for account " + row.get("account") + " after " + of
                                + ": an account has one; write yes in one of its rows only");
            }
        }
        return true;
    }

    /** How the primary contact of an account (as the row names it) is remembered in {@link FileKeys}. */
    static String primaryKey(String accountReference) {
        return "contact-primary:" + accountReference;
    }

    /** What a skipped or merged row's notice adds: its id still names the contact it was merged into. */
    private static String idKept(String externalId) {
        return "; its id " + externalId + " is kept for later files";
    }

    /**
     * The contact of the row's account that has its e-mail address and is not the row's own (imported
     * before with its id), the oldest; null when none has it, or when the row's own contact has it
     * already (a re-import updates it as ever).
     */
    private static ContactWithEmail other(List<ContactWithEmail> withEmail, Found own) {
        if (withEmail == null || (own != null && withEmail.stream().anyMatch(c -> c.id() == own.id()))) {
            return null;
        }
        return withEmail.getFirst();
    }

    /**
     * A row skipped for repeating the e-mail address of an earlier row ({@code first}) at its account (its id
     * in Baton, 0 for none found, and as the row names it); {@code keptId} its id when kept as another id of that
     * row's contact, else null (a refused row keeps nothing).
     */
    private record Repeat(ImportRow row, long first, long accountId, String accountReference, String keptId) {}

    /**
     * How a contact's e-mail address is remembered in {@link FileKeys}: with the account the row names
     * (its id in the file's source), in any case, as no account takes one address twice. The same
     * address at two accounts is two keys: one person may work for both.
     */
    static String emailKey(String accountReference, String email) {
        return "contact-email:" + accountReference + ":" + email.toLowerCase(Locale.ROOT);
    }

    /** The account a row names by its external id in the same source; null after recording the error. */
    static Found account(ImportRow row, ImportRun run, Map<String, Found> accountIds) {
        String ref = run.reference(run.required(row, "account"));
        Found account = ref == null ? null : accountIds.get(ref);
        if (ref != null && account == null) {
            run.error(
                    row,
                    "account",
                    "no account imported from " + run.source + " has this id: import the accounts first");
        }
        return account;
    }

    /** "full_name", or "first_name" and "last_name" as CRMs export them. */
    private static String fullName(ImportRow row, ImportRun run) {
        String name = row.fullName();
        if (name.isBlank()) {
            run.error(row, "full_name", "is required (or a first and last name)");
        } else if (name.length() > 200) {
            run.error(row, "full_name", "is longer than 200 characters");
        }
        return name;
    }
}
