package dev.baton.imports;

import dev.baton.account.AccountImports;
import dev.baton.account.AccountImports.Found;
import dev.baton.account.AccountImports.ImportedAccount;
import dev.baton.people.PeopleImports.PersonRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Account rows: an external id, a name of up to 255 characters, an optional active owner. */
@Component
class AccountRows implements RowHandler {

    private final AccountImports accounts;

    AccountRows(AccountImports accounts) {
        this.accounts = accounts;
    }

    @Override
    public void handle(List<ImportRow> chunk, ImportRun run) {
        List<ImportRow> rows = new ArrayList<>();
        List<ImportedAccount> valid = new ArrayList<>();
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
            if (run.accepted(row)) {
                rows.add(row);
                valid.add(account);
            }
        }
        Map<String, Found> existing = accounts.accounts(
                run.source.name(),
                valid.stream().map(ImportedAccount::externalId).toList());
        for (int i = 0; i < valid.size(); i++) {
            Found found = existing.get(valid.get(i).externalId());
            run.matched(rows.get(i), "account", found == null ? null : found.id());
        }
        if (run.writing()) {
            accounts.upsertAccounts(run.source.name(), valid);
        }
    }
}
