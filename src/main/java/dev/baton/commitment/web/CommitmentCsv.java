package dev.baton.commitment.web;

import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentRegister;
import dev.baton.shared.CsvExport;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/** The register's columns in the CSV export. */
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
            "delivery_evidence");

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
                        c.deliveryEvidence())));
        csv.flush();
    }
}
