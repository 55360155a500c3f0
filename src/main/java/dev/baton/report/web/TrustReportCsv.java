package dev.baton.report.web;

import dev.baton.report.Figures;
import dev.baton.report.TrustReport;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.CsvExport;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The report's tables as CSV: {@code teams}, {@code reps} (with an "everyone" row first) or {@code trend}. */
final class TrustReportCsv {

    static final List<String> TABLES = List.of("teams", "reps", "trend");
    private static final List<String> FIGURES = List.of(
            "commitments_due",
            "commitments_settled",
            "delivered_on_time",
            "delivered_on_time_pct",
            "settled_without_delivery_date",
            "overdue",
            "breached",
            "unowned",
            "rejected_not_renegotiated",
            "handovers_completed",
            "median_handover_hours",
            "accounts_handed_over",
            "with_note_pct",
            "accounts_received",
            "acknowledged_before_contact_pct",
            "intro_calls_in_time_pct",
            "contacts",
            "contacts_fresh_pct",
            "tasks_done",
            "tasks_on_time_pct",
            "leads_due",
            "leads_judged",
            "leads_touched_in_time",
            "leads_touched_in_time_pct");

    private TrustReportCsv() {}

    static void write(TrustReport report, String table, Writer out) {
        CsvExport csv = new CsvExport(out);
        switch (table) {
            case "teams", "reps" -> {
                List<Object> header = new ArrayList<>(List.of("id", "key", "name", "active"));
                header.addAll(FIGURES);
                csv.row(header);
                csv.row(row(new TrustReport.Row(null, null, "everyone", true, report.total())));
                (table.equals("teams") ? report.teams() : report.reps()).forEach(r -> csv.row(row(r)));
            }
            case "trend" -> {
                csv.row(List.of("month", "contacts", "fresh_pct"));
                report.freshnessTrend().forEach(m -> csv.row(Arrays.asList(m.month(), m.contacts(), m.freshPct())));
            }
            default -> throw new BadRequestException("table", "one of " + String.join(", ", TABLES));
        }
        csv.flush();
    }

    private static List<Object> row(TrustReport.Row r) {
        Figures f = r.figures();
        return Arrays.asList(
                r.id(),
                r.key(),
                r.name(),
                r.active(),
                f.commitmentsDue(),
                f.commitmentsSettled(),
                f.deliveredOnTime(),
                f.deliveredOnTimePct(),
                f.settledWithoutDeliveryDate(),
                f.overdue(),
                f.breached(),
                f.unowned(),
                f.rejectedNotRenegotiated(),
                f.handoversCompleted(),
                f.medianHandoverHours(),
                f.accountsHandedOver(),
                f.withNotePct(),
                f.accountsReceived(),
                f.acknowledgedBeforeContactPct(),
                f.introCallsInTimePct(),
                f.contacts(),
                f.contactsFreshPct(),
                f.tasksDone(),
                f.tasksOnTimePct(),
                f.leadsDue(),
                f.leadsJudged(),
                f.leadsTouchedInTime(),
                f.leadsTouchedInTimePct());
    }
}
