package dev.baton.engine.web;

import dev.baton.engine.JobProblem;
import dev.baton.engine.JobProblems;
import dev.baton.engine.RunPages;
import dev.baton.engine.StuckRunProblems;
import dev.baton.engine.StuckRunProblems.StuckRun;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Admins and revenue ops: the playbook steps stopped by a problem (each an engine incident Baton raised), and the
 * runs the engine holds on an incident of its own ({@link StuckRunProblems}), newest first, as a
 * page and over the API; the message says what to fix, and one Baton saw resolved says how.
 */
@Controller
@PreAuthorize("@capabilities.granted(authentication, 'READ_PLAYBOOK_PROBLEMS')")
@Tag(name = "Admin", description = "Problems that need an admin or revenue ops")
class JobProblemPages {

    private static final int LIMIT = 200;

    private final JobProblems problems;
    private final List<StuckRunProblems> stuckRuns;
    private final List<RunPages> runPages;

    JobProblemPages(JobProblems problems, List<StuckRunProblems> stuckRuns, List<RunPages> runPages) {
        this.problems = problems;
        this.stuckRuns = stuckRuns;
        this.runPages = runPages;
    }

    /**
     * A problem: a step Baton failed ({@code kind} STEP: id, jobKey and deliveries set; playbook and
     * elementName as named in the model the job ran, null when it names none; runKey the run the step
     * belongs to, runPath its page where Baton has one), or a run the engine holds on an incident of
     * its own ({@code kind} STUCK_RUN: runKey, runPath, playbook and errorType set; createdAt and
     * lastFailedAt are when the engine raised it; explanation the incident in plain words where Baton
     * recognises it, else null; never resolved here, it leaves the list once the incident is resolved or
     * the run ends).
     */
    record ProblemView(
            String kind,
            Long id,
            Long jobKey,
            long processInstanceKey,
            String bpmnProcessId,
            String elementId,
            Integer deliveries,
            String message,
            Instant createdAt,
            int failures,
            Instant lastFailedAt,
            Instant resolvedAt,
            String resolution,
            Long runKey,
            String runPath,
            String playbook,
            String elementName,
            String errorType,
            String explanation) {

        static ProblemView of(JobProblem p, Map<Long, String> runPaths) {
            return new ProblemView(
                    "STEP",
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
                    p.getResolution(),
                    p.getRunKey(),
                    runPaths.get(p.getRunKey()),
                    p.getPlaybookName(),
                    p.getElementName(),
                    null,
                    null);
        }

        static ProblemView of(StuckRun r) {
            return new ProblemView(
                    "STUCK_RUN",
                    null,
                    null,
                    r.processInstanceKey(),
                    r.bpmnProcessId(),
                    r.elementId(),
                    null,
                    r.message(),
                    r.since(),
                    1,
                    r.since(),
                    null,
                    null,
                    r.runKey(),
                    r.runPath(),
                    r.playbook(),
                    r.elementName(),
                    r.errorType(),
                    r.explanation());
        }
    }

    @Operation(
            summary =
                    "Steps stopped by a problem (engine incidents Baton raised; kind STEP), one per step and cause, the"
                            + " 200 that failed last, each with its playbook and elementName (their names in the model, null"
                            + " when it names none), runKey (the run it belongs to: for a step of a playbook a run called, the"
                            + " run at the top of the calls, known with the embedded engine) and runPath (the run's page: a"
                            + " catalogue run's or a handover's the viewer may open, else null); failures counts a step failing again for the same"
                            + " cause (retried before it was fixed, or another of its jobs); resolvedAt is set once Baton saw"
                            + " each of its failed jobs go through, or its run was canceled or ended (resolution says which"
                            + " and by whom). With them, newest first,"
                            + " the playbook runs the engine holds on an incident of its own (kind STUCK_RUN: runKey, runPath,"
                            + " errorType; those of the 200 latest stuck runs), known with the embedded engine only")
    @GetMapping("/api/admin/problems")
    @ResponseBody
    List<ProblemView> list(Principal me) {
        List<JobProblem> failed = problems.findTop200ByOrderByLastFailedAtDescIdDesc();
        Map<Long, String> runPaths = runPaths(failed, me.getName());
        List<ProblemView> steps =
                failed.stream().map(p -> ProblemView.of(p, runPaths)).toList();
        // a step Baton failed is an incident too: listed once, as the step, while its problem stands
        Set<String> listed = steps.stream()
                .filter(p -> p.resolvedAt() == null)
                .map(p -> p.processInstanceKey() + " " + p.elementId())
                .collect(Collectors.toSet());
        Stream<ProblemView> stuck = stuckRuns.stream()
                .flatMap(source -> source.stuckRuns(LIMIT).stream())
                .filter(r -> !listed.contains(r.processInstanceKey() + " " + r.elementId()))
                .map(ProblemView::of);
        return Stream.concat(steps.stream(), stuck)
                .sorted(Comparator.comparing(ProblemView::lastFailedAt).reversed())
                .toList();
    }

    /** The pages of the problems' runs that the viewer may open, asking each feature once. */
    private Map<Long, String> runPaths(List<JobProblem> failed, String viewer) {
        Set<Long> runKeys = failed.stream().map(JobProblem::getRunKey).collect(Collectors.toSet());
        Map<Long, String> paths = new HashMap<>();
        if (!runKeys.isEmpty()) {
            runPages.forEach(feature -> feature.pathsOf(runKeys, viewer).forEach(paths::putIfAbsent));
        }
        return paths;
    }

    @GetMapping("/admin/problems")
    String page(Principal me, Model model) {
        model.addAttribute("problems", list(me));
        return "admin/problems";
    }
}
