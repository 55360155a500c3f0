package dev.baton.engine.web;

import dev.baton.engine.JobProblem;
import dev.baton.engine.JobProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Admins: the playbook steps stopped by a problem (each an engine incident Baton raised), newest
 * first, as a page and over the API; the message says what to fix, and one Baton saw resolved says how.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin", description = "Problems that need an admin")
class JobProblemPages {

    private final JobProblems problems;

    JobProblemPages(JobProblems problems) {
        this.problems = problems;
    }

    record ProblemView(
            long id,
            long jobKey,
            long processInstanceKey,
            String bpmnProcessId,
            String elementId,
            int deliveries,
            String message,
            Instant createdAt,
            int failures,
            Instant lastFailedAt,
            Instant resolvedAt,
            String resolution) {

        static ProblemView of(JobProblem p) {
            return new ProblemView(
                    p.getId(),
                    p.getJobKey(),
                    p.getProcessInstanceKey(),
                    p.getBpmnProcessId(),
                    p.getElementId(),
                    p.getDeliveries(),
                    p.getMessage(),
                    p.getCreatedAt(),
                    p.getFailures(),
                    p.getLastFailedAt(),
                    p.getResolvedAt(),
                    p.getResolution());
        }
    }

    @Operation(
            summary = "Steps stopped by a problem (engine incidents Baton raised), one per step and cause, the 200"
                    + " that failed last first; failures counts a step failing again for the same cause (retried"
                    + " before it was fixed); resolvedAt is set once Baton saw the step get through")
    @GetMapping("/api/admin/problems")
    @ResponseBody
    List<ProblemView> list() {
        return problems.findTop200ByOrderByLastFailedAtDescIdDesc().stream()
                .map(ProblemView::of)
                .toList();
    }

    @GetMapping("/admin/problems")
    String page(Model model) {
        model.addAttribute("problems", list());
        return "admin/problems";
    }
}
