package dev.baton.commitment.web;

import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentRegister;
import dev.baton.shared.CsvExport;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * The register's columns in the CSV export. {@code made_by} and {@code owner} are user names, as they
 * always were; the people's full names, which the page shows, follow at the end ({@code made_by_name},
 * {@code owner_name}) so that a spreadsheet reading the columns by name or by place still works.
 */
final class CommitmentCsv {

    static final List<String> HEADER = List.of(
            "id",
            "account_id",
            "account",
            "description",
            "made_by",
            "owner",
            "delivering_team",
            "due_date",
            "status",
            "overdue",
            "status_reason",
            "delivery_evidence",
            "made_by_name",
            "owner_name");

    private CommitmentCsv() {}

    static void write(CommitmentRegister register, CommitmentFilter filter, Writer out) {
        CsvExport csv = new CsvExport(out);
        csv.row(HEADER);
        register.forEach(
                filter,
                c -> csv.row(Arrays.asList(
                        c.id(),
                        c.accountId(),
                        c.accountName(),
                        c.description(),
                        c.madeByUsername(),
                        c.ownerUsername(),
                        c.deliveringTeamKey(),
                        c.dueDate(),
                        c.status(),
                        c.overdue(),
                        c.statusReason(),
                        c.deliveryEvidence(),
                        c.madeByName(),
                        c.ownerName())));
        csv.flush();
    }
}
