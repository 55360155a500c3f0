package dev.baton.report.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.report.TrustReport;
import dev.baton.report.TrustReportService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The trust report page: the figures as tables (each exportable as CSV) and the trends as Chart.js charts. */
@Controller
@RequestMapping("/reports")
@PreAuthorize("@capabilities.granted(authentication, 'READ_REPORTS')")
class TrustReportPages {

    private final TrustReportService reports;
    private final ObjectMapper json;

    TrustReportPages(TrustReportService reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @GetMapping("/trust")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Authentication me,
            Model model)
            throws JsonProcessingException {
        TrustReport report = TrustReportApi.of(reports, from, to, me);
        model.addAttribute("report", report);
        model.addAttribute("chart", json.writeValueAsString(chartData(report)));
        TrustReport.Row everyone = new TrustReport.Row(null, null, "Everyone", true, report.total());
        model.addAttribute(
                "tables",
                Map.of(
                        "teams",
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(everyone), report.teams().stream())
                                .toList(),
                        "reps",
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(everyone), report.reps().stream())
                                .toList()));
        return "report/trust";
    }

    @GetMapping("/trust.csv")
    void csv(
            @RequestParam(defaultValue = "teams") String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Authentication me,
            HttpServletResponse response)
            throws IOException {
        TrustReportApi.send(TrustReportApi.of(reports, from, to, me), table, response);
    }

    /** What the charts draw (read by static/js/trust-charts.js from a data attribute: no inline script). */
    private static Map<String, Object> chartData(TrustReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "months",
                report.freshnessTrend().stream().map(m -> m.month().toString()).toList());
        data.put(
                "fresh",
                report.freshnessTrend().stream()
                        .map(TrustReport.Month::freshPct)
                        .toList());
        data.put("teams", report.teams().stream().map(TrustReport.Row::name).toList());
        data.put(
                "onTime",
                report.teams().stream()
                        .map(t -> t.figures().deliveredOnTimePct())
                        .toList());
        data.put(
                "tasksOnTime",
                report.teams().stream().map(t -> t.figures().tasksOnTimePct()).toList());
        return data;
    }
}
