package dev.baton.report.web;

import dev.baton.people.Capability;
import dev.baton.report.TrustReport;
import dev.baton.report.TrustReportService;
import dev.baton.shared.CsvExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
@PreAuthorize("@capabilities.granted(authentication, 'READ_REPORTS')")
@Tag(name = "Reports", description = "The trust report: admins see everyone, managers the people in their line.")
class TrustReportApi {

    private final TrustReportService reports;

    TrustReportApi(TrustReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/trust")
    @Operation(
            summary =
                    "Per team and rep over [from, to] (inclusive; default the last 90 days): commitments delivered "
                            + "on time, overdue, breached, unowned, rejected; handovers and their median duration; notes, acknowledgements "
                            + "and intro calls; contact freshness and its trend by month; tasks on time; leads first touched in time",
            description =
                    "Lead first touch within SLA (leadsDue, leadsJudged, leadsTouchedInTime, leadsTouchedInTimePct;"
                            + " `leads` says it in one sentence for everyone in view): the leads whose first-touch due time (set"
                            + " at their first assignment, counted in the owner's working hours) falls in the period, under"
                            + " their owner now; judged: touched, or untouched and past that time; in time: touched by it."
                            + " The percentage is in time of judged, null when none is judged. Teams and the total add up their reps.")
    TrustReport report(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Authentication me) {
        return of(reports, from, to, me);
    }

    @GetMapping(value = "/trust.csv", produces = "text/csv")
    @Operation(summary = "One table of the report as CSV (UTF-8 with a byte-order mark): table = teams, reps or trend")
    void csv(
            @RequestParam(defaultValue = "teams") String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Authentication me,
            HttpServletResponse response)
            throws IOException {
        TrustReport report = of(reports, from, to, me);
        send(report, table, response);
    }

    static TrustReport of(TrustReportService reports, LocalDate from, LocalDate to, Authentication me) {
        LocalDate end = to == null ? reports.today() : to;
        LocalDate start = from == null ? end.minusDays(89) : from;
        return reports.report(start, end, me.getName(), Capability.READ_COMPANY_REPORTS.grantedTo(me));
    }

    static void send(TrustReport report, String table, HttpServletResponse response) throws IOException {
        if (!TrustReportCsv.TABLES.contains(table)) {
            throw new dev.baton.shared.BadRequestException(
                    "table", "one of " + String.join(", ", TrustReportCsv.TABLES));
        }
        response.setContentType(CsvExport.CONTENT_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"trust-" + table + "-" + report.from() + "-" + report.to() + ".csv\"");
        TrustReportCsv.write(report, table, response.getWriter());
    }
}
