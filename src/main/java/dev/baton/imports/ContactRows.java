package dev.baton.imports;

import dev.baton.account.AccountImports;
import dev.baton.account.AccountImports.Found;
import dev.baton.account.AccountImports.ImportedContact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Contact rows: at an account imported before from the same source (by its external id). */
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
        for (ImportRow row : chunk) {
            String externalId = run.externalId(row, "external_id");
            Found account = account(row, run, accountIds);
            String name = fullName(row, run);
            String email = run.text(row, "email", 254);
            if (email != null && !Values.email(email)) {
                run.error(row, "email", "is not an e-mail address");
            }
            Instant verified = null;
            if (row.get("last_verified_at") != null
                    && (verified = Values.instant(row.get("last_verified_at"))) == null) {
                run.error(row, "last_verified_at", "is not a date: write it as " + Values.DATE_FORMATS);
            }
            ImportedContact contact = new ImportedContact(
                    externalId,
                    account == null ? 0 : account.id(),
                    name,
                    run.text(row, "title", 200),
                    email,
                    run.text(row, "phone", 60),
                    verified);
            run.check(row, contact);
            if (run.accepted(row)) {
                rows.add(row);
                valid.add(contact);
            }
        }
        Map<String, Found> existing = accounts.contacts(
                source, valid.stream().map(ImportedContact::externalId).toList());
        for (int i = 0; i < valid.size(); i++) {
            Found found = existing.get(valid.get(i).externalId());
            run.matched(rows.get(i), "contact", found == null ? null : found.id());
        }
        if (run.writing()) {
            accounts.upsertContacts(source, valid);
        }
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
