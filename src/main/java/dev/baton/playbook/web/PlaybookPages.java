package dev.baton.playbook.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.account.AccountService;
import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.PlaybookDeployer;
import dev.baton.engine.PlaybookRefused;
import dev.baton.people.Capability;
import dev.baton.people.FullNames;
import dev.baton.people.PeopleLookup;
import dev.baton.people.TeamNamesOnPage;
import dev.baton.playbook.PlaybookCatalogue;
import dev.baton.playbook.PlaybookCatalogue.Instance;
import dev.baton.playbook.PlaybookRetirementService;
import dev.baton.playbook.PlaybookUpgrade;
import dev.baton.playbook.PlaybookUploadService;
import dev.baton.playbook.RunCancellation;
import dev.baton.playbook.StuckRuns;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.task.ProcessInstanceSteps.Step;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalogue's pages: the list (and the admins' upload), one playbook, one instance with its live diagram. */
@Controller
class PlaybookPages {

    private final PlaybookCatalogue catalogue;
    private final PlaybookUploadService uploads;
    private final PlaybookUpgrade upgrade;
    private final StuckRuns stuckRuns;
    private final RunCancellation cancellation;
    private final ObjectMapper json;
    private final PeopleLookup people;
    private final AccountService accounts;
    private final PlaybookRetirementService retirements;
    private final TeamNamesOnPage teamNames;

    PlaybookPages(
            PlaybookCatalogue catalogue,
            PlaybookUploadService uploads,
            PlaybookUpgrade upgrade,
            StuckRuns stuckRuns,
            RunCancellation cancellation,
            ObjectMapper json,
            PeopleLookup people,
            AccountService accounts,
            PlaybookRetirementService retirements,
            TeamNamesOnPage teamNames) {
        this.retirements = retirements;
        this.teamNames = teamNames;
        this.people = people;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.uploads = uploads;
        this.upgrade = upgrade;
        this.stuckRuns = stuckRuns;
        this.cancellation = cancellation;
        this.json = json;
    }

    @GetMapping("/playbooks")
    String list(Authentication auth, Model model) {
        model.addAttribute("playbooks", catalogue.list(Roles.of(auth)));
        model.addAttribute("failed", catalogue.failures());
        model.addAttribute("stuckKnown", stuckRuns.known());
        return "playbook/list";
    }

    @PostMapping(value = "/playbooks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("@capabilities.granted(authentication, 'MANAGE_PLAYBOOKS')")
    String upload(
            @RequestParam("files") List<MultipartFile> files,
            Authentication auth,
            Model model,
            RedirectAttributes redirect) {
        try {
            PlaybookUploadService.Uploaded uploaded = uploads.upload(PlaybookApi.read(files), auth.getName());
            List<DeployedProcess> deployed = uploaded.deployed();
            if (!uploaded.warnings().isEmpty()) {
                redirect.addFlashAttribute("uploadWarnings", uploaded.warnings());
            }
            redirect.addFlashAttribute(
                    "message",
                    "Deployed "
                            + deployed.stream()
                                    .map(p -> named(p) + " version " + p.version())
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse("nothing"));
            return deployed.isEmpty()
                    ? "redirect:/playbooks"
                    : "redirect:/playbooks/" + deployed.getFirst().processId();
        } catch (PlaybookRefused e) {
            model.addAttribute("problems", e.getProblems());
            model.addAttribute(
                    "error", "The playbook was not deployed: fix the problems listed below and upload it again.");
        } catch (PlaybookDeployer.EngineUnavailable e) {
            model.addAttribute("error", e.getMessage() + "; try again.");
        }
        return list(auth, model);
    }

    @GetMapping("/playbooks/{processId}")
    String detail(
            @PathVariable String processId,
            @RequestParam(defaultValue = "false") boolean stuck,
            Authentication auth,
            Model model) {
        model.addAttribute("playbook", catalogue.get(processId, Roles.of(auth)));
        // on a cluster the filter cannot be honoured: the page says so instead of listing "no stuck runs"
        model.addAttribute("stuckOnly", stuck);
        model.addAttribute("stuckKnown", stuckRuns.known());
        List<StuckRuns.Run> runs = stuckRuns.runs(processId, stuck && stuckRuns.known(), 50);
        model.addAttribute("runs", runs);
        // by name, as everywhere else: the list showed "45" (session 40's probe)
        model.addAttribute(
                "accountNames",
                accounts.names(runs.stream()
                        .map(r -> r.instance().getAccountId())
                        .filter(Objects::nonNull)
                        .toList()));
        PlaybookCatalogue.Playbook playbook = catalogue.get(processId, Roles.of(auth));
        // the upload's warnings, which its answer alone had said
        PlaybookUploadService.LatestUpload latestUpload =
                uploads.latestUpload(processId).orElse(null);
        model.addAttribute("latestUpload", latestUpload);
        // brought back since that upload: said beside its author (session 47: the page named the restorer as such)
        PlaybookRetirementService.Restore restored = latestUpload == null
                ? null
                : retirements
                        .lastRestore(processId)
                        .filter(r -> r.at().isAfter(latestUpload.uploadedAt()))
                        .orElse(null);
        model.addAttribute("restored", restored);
        model.addAttribute(
                "names",
                people.fullNames(Stream.concat(
                                Stream.of(
                                        playbook.retiredBy(),
                                        latestUpload == null ? null : latestUpload.uploadedBy(),
                                        restored == null ? null : restored.by()),
                                runs.stream()
                                        .flatMap(r -> Stream.of(
                                                r.instance().getStartedBy(),
                                                r.instance().getCanceledBy())))
                        .toList()));
        if (Capability.MANAGE_PLAYBOOKS.grantedTo(auth)) {
            model.addAttribute("upgrade", upgrade.preview(processId));
        }
        // Baton's own (bundled) playbooks are not retired: no control offered for them
        model.addAttribute(
                "retirable",
                Capability.MANAGE_PLAYBOOKS.grantedTo(auth)
                        && playbook.source() != null
                        && playbook.source().startsWith("uploaded"));
        return "playbook/detail";
    }

    /** The BPMN file for the diagram (the API's copy needs HTTP Basic; the page's script has the session). */
    @GetMapping(value = "/playbooks/{processId}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String diagram(@PathVariable String processId, @RequestParam(required = false) Integer version) {
        return catalogue.xml(processId, version);
    }

    @PostMapping("/playbooks/{processId}/instances")
    String launch(
            @PathVariable String processId,
            @RequestParam(required = false) String accountId,
            @RequestParam(required = false) String variables,
            Authentication auth,
            RedirectAttributes redirect) {
        try {
            Map<String, Object> vars = new HashMap<>();
            if (StringUtils.hasText(variables)) {
                Map<String, Object> given = json.readValue(variables, new TypeReference<Map<String, Object>>() {});
                if (given == null) { // the JSON literal null
                    throw new BadRequestException("variables", "must be a JSON object, e.g. {\"region\": \"EMEA\"}");
                }
                vars.putAll(given);
            }
            if (StringUtils.hasText(accountId)) {
                vars.put("accountId", accountId.strip());
            }
            long key = catalogue.launch(processId, vars, Roles.of(auth), auth.getName());
            redirect.addFlashAttribute("message", "Launched instance " + key);
            return "redirect:/playbooks/instances/" + key;
        } catch (JsonProcessingException e) {
            redirect.addFlashAttribute(
                    "launchInvalid", Map.of("variables", "must be a JSON object, e.g. {\"region\": \"EMEA\"}"));
            redirect.addFlashAttribute("error", "Variables must be a JSON object, e.g. {\"region\": \"EMEA\"}");
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("launchInvalid", atFormFields(e.getFieldErrors()));
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (AccessDeniedException | ConflictException e) {
            // not the launch roles, an account outside the launcher's line, or a playbook Baton starts itself:
            // said on the page, not a bare 403 or 409 (the probe's page post got the problem's JSON)
            redirect.addFlashAttribute("error", "The playbook was not launched: " + e.getMessage());
        }
        // the form comes back as it was sent, its refused fields marked
        redirect.addFlashAttribute("launchAccountId", accountId);
        redirect.addFlashAttribute("launchVariables", variables);
        return "redirect:/playbooks/" + processId;
    }

    /**
     * A launch's refusals at the form's two fields: a variable the JSON gave ({@code reviewDueAt}: "must be
     * in the future") is marked at the variables box, by its name, as the page has no field of its own for it.
     */
    private static Map<String, String> atFormFields(Map<String, String> refused) {
        Map<String, String> marked = new LinkedHashMap<>();
        refused.forEach((field, message) -> {
            if (field.equals("accountId") || field.equals("variables")) {
                marked.merge(field, message, (a, b) -> a + "; " + b);
            } else {
                marked.merge("variables", field + " " + message, (a, b) -> a + "; " + b);
            }
        });
        return marked;
    }

    /** Stops a run for good; its open tasks are withdrawn. */
    @PostMapping("/playbooks/instances/{key}/cancel")
    @PreAuthorize(RunCancellation.MAY_CANCEL_SOME)
    String cancel(
            @PathVariable long key,
            @RequestParam(required = false) String reason,
            Authentication auth,
            RedirectAttributes redirect) {
        try {
            cancellation.cancel(key, reason, auth.getName(), Roles.of(auth));
            redirect.addFlashAttribute("message", "Run canceled: its open tasks are withdrawn.");
        } catch (BadRequestException e) {
            String why = e.getFieldErrors().getOrDefault("reason", e.getMessage());
            redirect.addFlashAttribute("error", "Not canceled: " + why);
            redirect.addFlashAttribute("cancelError", why);
            redirect.addFlashAttribute("cancelReason", reason); // the form comes back as it was sent
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "Not canceled: " + e.getMessage());
        }
        return "redirect:/playbooks/instances/" + key;
    }

    /** Retires the playbook (no launches, hidden, no timer starts; its runs go on), or brings it back. */
    @PostMapping("/playbooks/{processId}/{change:retire|restore}")
    @PreAuthorize("@capabilities.granted(authentication, 'MANAGE_PLAYBOOKS')")
    String retirement(
            @PathVariable String processId,
            @PathVariable String change,
            Authentication auth,
            RedirectAttributes redirect) {
        try {
            if (change.equals("retire")) {
                boolean stopped = retirements.retire(processId, auth.getName()).stoppedStartEvents();
                redirect.addFlashAttribute(
                        "message",
                        "Retired: it is no longer launched or listed"
                                + (stopped ? ", and its timer and signal start events start no run" : "")
                                + "; its runs go on.");
            } else {
                retirements.restore(processId, auth.getName());
                redirect.addFlashAttribute("message", "Brought back: it is listed and launched again.");
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (PlaybookRefused e) {
            redirect.addFlashAttribute(
                    "error",
                    "Not changed: the version to deploy was refused: "
                            + e.getProblems().stream()
                                    .map(p -> p.message())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""));
        } catch (PlaybookDeployer.EngineUnavailable e) {
            redirect.addFlashAttribute("error", e.getMessage() + "; try again.");
        }
        return "redirect:/playbooks/" + processId;
    }

    @PostMapping("/playbooks/{processId}/upgrade")
    @PreAuthorize("@capabilities.granted(authentication, 'MANAGE_PLAYBOOKS')")
    String upgrade(@PathVariable String processId, RedirectAttributes redirect) {
        PlaybookUpgrade.Preview result = upgrade.upgrade(processId);
        long moved = result.instances().stream()
                .filter(c -> Boolean.TRUE.equals(c.canMove()))
                .count();
        redirect.addFlashAttribute(
                "message",
                moved + " of " + result.instances().size() + " instance(s) moved to version " + result.targetVersion());
        return "redirect:/playbooks/" + processId;
    }

    @GetMapping("/playbooks/instances/{key}")
    String instance(@PathVariable long key, Authentication auth, Model model) throws JsonProcessingException {
        Instance instance = catalogue.instance(key);
        model.addAttribute("instance", instance);
        model.addAttribute(
                "accountName",
                instance.accountId() == null
                        ? null
                        : accounts.names(List.of(instance.accountId())).get(instance.accountId()));
        model.addAttribute(
                "mayCancel",
                instance.endedAt() == null
                        && instance.calledBy() == null // the engine cancels a called run only with its caller
                        && RunCancellation.mayCancel(instance.startedBy(), auth.getName(), Roles.of(auth)));
        FullNames names = people.fullNames(Stream.of(
                        Stream.of(instance.startedBy(), instance.canceledBy()),
                        instance.steps().stream().flatMap(s -> Stream.of(s.assignee(), s.completedBy())),
                        instance.calledRuns().stream()
                                .flatMap(c -> c.openSteps().stream())
                                .map(Step::assignee))
                .flatMap(s -> s)
                .toList());
        model.addAttribute("names", names);
        model.addAttribute("stepsJson", json.writeValueAsString(named(instance.steps(), names, teamNames)));
        return "playbook/instance";
    }

    /**
     * The steps as the diagram's hover says who has or did them: by full name ("Assigned to Rob Jansen"), teams
     * by name ("Offered to Sales EMEA").
     */
    private static List<Step> named(List<Step> steps, FullNames names, TeamNamesOnPage teamNames) {
        return steps.stream()
                .map(s -> new Step(
                        s.elementId(),
                        s.name(),
                        s.open(),
                        s.completed(),
                        names.of(s.assignee()),
                        s.candidateGroups().stream()
                                .map(teamNames::of)
                                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)),
                        names.of(s.completedBy()),
                        s.completedAt()))
                .toList();
    }

    /** "'Renewal play' (renewal-play)" as the upload's refusals name things; the id alone when it has no other name. */
    private static String named(DeployedProcess p) {
        return p.nameOrId().equals(p.processId()) ? p.processId() : "'" + p.name() + "' (" + p.processId() + ")";
    }
}
