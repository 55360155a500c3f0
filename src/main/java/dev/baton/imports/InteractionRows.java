package dev.baton.imports;

import dev.baton.account.AccountImports;
import dev.baton.account.AccountImports.Found;
import dev.baton.account.AccountImports.ImportedInteraction;
import dev.baton.account.AccountImports.InteractionMet;
import dev.baton.account.InteractionKind;
import dev.baton.people.PeopleImports.PersonRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Interaction rows: a call, meeting, e-mail or note on an imported account, by a person in Baton. */
@Component
class InteractionRows implements RowHandler {

    private final AccountImports accounts;

    InteractionRows(AccountImports accounts) {
        this.accounts = accounts;
    }

    @Override
    public void handle(List<ImportRow> chunk, ImportRun run) {
        String source = run.source.name();
        Map<String, Found> accountIds = accounts.accounts(source, references(chunk, run, "account"));
        Map<String, Found> contactIds = accounts.contacts(source, references(chunk, run, "contact"));
        List<ImportRow> rows = new ArrayList<>();
        List<ImportedInteraction> valid = new ArrayList<>();
        for (ImportRow row : chunk) {
            String externalId = run.externalId(row, "external_id");
            Found account = ContactRows.account(row, run, accountIds);
            Long contactId = contact(row, run, contactIds, account);
            InteractionKind kind = kind(row, run);
            String summary = run.required(row, "summary");
            PersonRef by = run.required(row, "by") == null ? null : run.person(row, "by", false);
            Instant at = run.required(row, "occurred_at") == null ? null : run.instant(row, "occurred_at", true);
            ImportedInteraction interaction = new ImportedInteraction(
                    externalId,
                    account == null ? 0 : account.id(),
                    contactId,
                    kind,
                    summary,
                    by == null ? 0 : by.id(),
                    at);
            run.check(row, interaction);
            if (run.accepted(row)) {
                rows.add(row);
                valid.add(interaction);
            }
        }
        Map<String, Found> existing = accounts.interactions(
                source, valid.stream().map(ImportedInteraction::externalId).toList());
        // the rows that meet an interaction and would change none of its values: told so, and not written
        Set<Long> unchanged = accounts.unchangedInteractions(valid.stream()
                .filter(r -> existing.containsKey(r.externalId()))
                .map(r -> new InteractionMet(existing.get(r.externalId()).id(), r))
                .toList());
        List<ImportedInteraction> written = new ArrayList<>();
        Map<Long, int[]> told = new HashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            Found before = existing.get(valid.get(i).externalId());
            if (before != null
                    && run.movesToAnotherAccount(
                            rows.get(i), accountIds, before.accountId(), before.named(), "interaction")) {
                continue;
            }
            boolean changes = before == null || !unchanged.contains(before.id());
            run.matched(rows.get(i), before, changes);
            if (changes) {
                ImportRun.tally(told, valid.get(i).accountId(), before == null);
                written.add(valid.get(i));
            }
        }
        if (run.writing() && !written.isEmpty()) {
            accounts.upsertInteractions(source, written);
            accounts.tallyRecordsImported(told);
        }
    }

    static Set<String> references(List<ImportRow> chunk, ImportRun run, String field) {
        return chunk.stream()
                .map(r -> run.reference(r.get(field)))
                .filter(a -> a != null)
                .collect(Collectors.toSet());
    }

    /**
     * The optional contact, which must belong to the row's account: one of another account is an error
     * naming both (session 35's probe: "belongs to another account" said neither).
     */
    static Long contact(ImportRow row, ImportRun run, Map<String, Found> contactIds, Found account) {
        String ref = run.reference(row.get("contact"));
        if (ref == null) {
            return null;
        }
        Found contact = contactIds.get(ref);
        if (contact == null) {
            run.error(row, "contact", "no contact imported from " + run.source + " has this id");
            return null;
        }
        if (account != null && contact.accountId() != account.id()) {
            run.error(
                    row,
                    "contact",
                    "belongs to another account: it is " + contact.named() + ", and the row names " + account.named());
            return null;
        }
        return contact.id();
    }

    /** CALL, MEETING, EMAIL or NOTE; Salesforce's and HubSpot's names for them ("Call", "Email", "Event") too. */
    private static InteractionKind kind(ImportRow row, ImportRun run) {
        String value = run.required(row, "kind");
        if (value == null) {
            return null;
        }
        String key = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return switch (key) {
            case "CALL", "CALLS", "PHONECALL" -> InteractionKind.CALL;
            case "MEETING", "MEETINGS", "EVENT" -> InteractionKind.MEETING;
            case "EMAIL", "EMAILS", "LISTEMAIL" -> InteractionKind.EMAIL;
            case "NOTE", "NOTES", "TASK" -> InteractionKind.NOTE;
            default -> {
                run.error(row, "kind", "is not one of CALL, MEETING, EMAIL, NOTE");
                yield null;
            }
        };
    }
}
