package dev.baton.imports;

import dev.baton.account.AccountImports;
import dev.baton.account.AccountImports.Found;
import dev.baton.account.AccountImports.ImportedAccount;
import dev.baton.people.Leavers;
import dev.baton.people.PeopleImports.PersonRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Account rows: an external id, a name of up to 255 characters, an optional active owner. An owner who
 * is leaving or being handed over ({@link Leavers}) gets no account from a file, as from the API,
 * except one they own already (a file exported again before they leave).
 */
@Component
class AccountRows implements RowHandler {

    private final AccountImports accounts;
    private final LeavingOwners leavers;

    AccountRows(AccountImports accounts, LeavingOwners leavers) {
        this.accounts = accounts;
        this.leavers = leavers;
    }

    @Override
    public void handle(List<ImportRow> chunk, ImportRun run) {
        leavers.holdAgainstLaunches(run);
        List<ImportRow> read = new ArrayList<>();
        List<ImportedAccount> checked = new ArrayList<>();
        Map<ImportRow, String> toLeavers = new HashMap<>();
        for (ImportRow row : chunk) {
            String externalId = run.externalId(row, "external_id");
            String name = run.required(row, "name");
            if (name != null && name.length() > 255) {
                run.error(row, "name", "is longer than 255 characters");
            }
            PersonRef owner = run.person(row, "owner", true);
            ImportedAccount account = new ImportedAccount(
                    externalId,
                    name,
                    owner == null ? null : owner.id(),
                    run.text(row, "segment", 60),
                    run.text(row, "territory", 60),
                    run.date(row, "renewal_date"));
            run.check(row, account);
            if (!run.accepted(row)) {
                continue;
            }
            read.add(row);
            checked.add(account);
            if (owner != null) {
                leavers.leaving(owner, run).ifPresent(why -> toLeavers.put(row, why));
            }
        }
        refuseNewAccountsOfLeavers(read, checked, toLeavers, run);
        // the accounts the rows name, read once: for the handover check and for what each row met
        Map<String, Found> existing = accounts.accounts(
                run.source.name(),
                checked.stream()
                        .map(ImportedAccount::externalId)
                        .filter(Objects::nonNull)
                        .toList());
        refuseMovesARunningHandoverMakes(read, checked, existing, run);
        List<ImportRow> rows = new ArrayList<>();
        List<ImportedAccount> valid = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            if (run.accepted(read.get(i))) {
                rows.add(read.get(i));
                valid.add(checked.get(i));
            }
        }
        // the rows that meet an account and change none of its values are told so, and not written
        Set<String> same = accounts.unchangedAccounts(
                run.source.name(),
                valid.stream().filter(a -> existing.containsKey(a.externalId())).toList());
        List<ImportedAccount> changing = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            String externalId = valid.get(i).externalId();
            run.matched(rows.get(i), existing.get(externalId), !same.contains(externalId));
            if (!same.contains(externalId)) {
                changing.add(valid.get(i));
            }
        }
        if (run.writing() && !changing.isEmpty()) {
            accounts.upsertAccounts(run.source.name(), changing, run.importedBy);
        }
    }

    /**
     * A row giving someone leaving an account they do not own yet is an error at {@code owner}, in the
     * API's words; their own accounts may come again. One query for the chunk, none without such rows.
     */
    private void refuseNewAccountsOfLeavers(
            List<ImportRow> read, List<ImportedAccount> checked, Map<ImportRow, String> toLeavers, ImportRun run) {
        if (toLeavers.isEmpty()) {
            return;
        }
        List<String> externalIds = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            if (toLeavers.containsKey(read.get(i)) && checked.get(i).externalId() != null) {
                externalIds.add(checked.get(i).externalId());
            }
        }
        Map<String, Long> owners = accounts.ownerIds(run.source.name(), externalIds);
        for (int i = 0; i < read.size(); i++) {
            String why = toLeavers.get(read.get(i));
            ImportedAccount account = checked.get(i);
            if (why != null && !Objects.equals(owners.get(account.externalId()), account.ownerId())) {
                run.error(read.get(i), "owner", why + " and cannot take on an account");
            }
        }
    }

    /**
     * A row giving another owner (or none) to an account that a running handover is still to move is an
     * error at {@code owner}, in the API's words (its 409): the handover moves it, or the successor would be
     * told it was handed over while the file's owner holds it (found by the session's probe, through the
     * API). One query for the chunk, and one more only when some of its accounts are in a running handover.
     */
    private void refuseMovesARunningHandoverMakes(
            List<ImportRow> read, List<ImportedAccount> checked, Map<String, Found> existing, ImportRun run) {
        Map<Long, String> why = accounts.stillToMoveByHandover(
                existing.values().stream().map(Found::accountId).toList());
        if (why.isEmpty()) {
            return;
        }
        Map<String, Long> owners = accounts.ownerIds(
                run.source.name(),
                existing.entrySet().stream()
                        .filter(e -> why.containsKey(e.getValue().accountId()))
                        .map(Map.Entry::getKey)
                        .toList());
        for (int i = 0; i < read.size(); i++) {
            String externalId = checked.get(i).externalId();
            Found account = externalId == null ? null : existing.get(externalId);
            if (account != null
                    && why.containsKey(account.accountId())
                    && run.accepted(read.get(i))
                    && !Objects.equals(owners.get(externalId), checked.get(i).ownerId())) {
                run.error(read.get(i), "owner", why.get(account.accountId()));
            }
        }
    }
}
