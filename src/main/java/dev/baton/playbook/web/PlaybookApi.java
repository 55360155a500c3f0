package dev.baton.playbook.web;

import dev.baton.engine.DeployedPlaybooks.FailedPlaybook;
import dev.baton.engine.PlaybookProblem;
import dev.baton.playbook.PlaybookCatalogue;
import dev.baton.playbook.PlaybookCatalogue.Instance;
import dev.baton.playbook.PlaybookCatalogue.Playbook;
import dev.baton.playbook.PlaybookCatalogue.StuckAt;
import dev.baton.playbook.PlaybookInstance;
import dev.baton.playbook.PlaybookRetirementService;
import dev.baton.playbook.PlaybookUpgrade;
import dev.baton.playbook.PlaybookUploadService;
import dev.baton.playbook.PlaybookUploadService.UploadedFile;
import dev.baton.playbook.RunCancellation;
import dev.baton.playbook.StuckRuns;
import dev.baton.shared.CancelReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The playbook catalogue over HTTP: list, launch, instances, upload and upgrade (admins and revenue ops: {@link dev.baton.people.Capability#MANAGE_PLAYBOOKS}). */
@RestController
@RequestMapping("/api/playbooks")
@Tag(name = "Playbooks")
class PlaybookApi {

    private final PlaybookCatalogue catalogue;
    private final PlaybookUploadService uploads;
    private final PlaybookUpgrade upgrade;
    private final StuckRuns stuckRuns;
    private final RunCancellation cancellation;
    private final PlaybookRetirementService retirements;

    PlaybookApi(
            PlaybookCatalogue catalogue,
            PlaybookUploadService uploads,
            PlaybookUpgrade upgrade,
            StuckRuns stuckRuns,
            RunCancellation cancellation,
            PlaybookRetirementService retirements) {
        this.retirements = retirements;
        this.catalogue = catalogue;
        this.uploads = uploads;
        this.upgrade = upgrade;
        this.stuckRuns = stuckRuns;
        this.cancellation = cancellation;
    }

    record Catalogue(List<Playbook> playbooks, List<FailedPlaybook> failed) {}

    /**
     * A launched run; {@code incidents}: what the engine held it on by the time Baton answered (an
     * expression on the way to its first wait that failed), empty when nothing yet (a later incident
     * shows on the run's page), null on a Camunda cluster, whose incidents Baton cannot read.
     */
    record Launched(long processInstanceKey, List<StuckAt> incidents) {}

    record Started(long processInstanceKey) {}

    record InstanceLine(
            long processInstanceKey,
            int version,
            Long accountId,
            String startedBy,
            Instant startedAt,
            Instant endedAt,
            List<StuckAt> incidents,
            String canceledBy,

            @Schema(
                    description = dev.baton.playbook.PlaybookInstance.STARTED_HOW_API,
                    allowableValues = {"LAUNCHED", "TIMER", "SIGNAL", "ENGINE", "CALL"})
            String startedHow) {}

    // at most 2,000 characters of plain text, counted as PostgreSQL counts them (code points), checked by
    // CancelReason in RunCancellation as for a handover's cancel
    record Cancellation(
            @NotBlank @Schema(maxLength = CancelReason.MAX) String reason) {}

    /**
     * @param warnings what may still go wrong on some runs (a gateway condition reading a variable only a
     *     launch could give), each at its element; empty when nothing. Nothing was refused for them
     */
    record Deployed(String processId, int version, long processDefinitionKey, List<PlaybookProblem> warnings) {}

    @Operation(
            summary = "Every deployed playbook (name, versions, description, who may launch it, instance counts)"
                    + " and the files that could not be deployed, with their problems")
    @GetMapping
    Catalogue list(Authentication auth) {
        return new Catalogue(catalogue.list(Roles.of(auth)), catalogue.failures());
    }

    @Operation(summary = "One playbook")
    @GetMapping("/{processId}")
    Playbook get(@PathVariable String processId, Authentication auth) {
        return catalogue.get(processId, Roles.of(auth));
    }

    @Operation(
            summary = "What Baton warns of in the playbook's latest uploaded file (as the upload's answer did: a"
                    + " gateway condition reading a variable only a launch could give, each at its element), with"
                    + " the file's name, who uploaded it and when; worked out again from the kept file by the"
                    + " current checks. For Baton's own playbooks, which no upload deployed: file, uploadedBy and"
                    + " uploadedAt null, no warnings")
    @GetMapping("/{processId}/warnings")
    PlaybookUploadService.LatestUpload warnings(@PathVariable String processId, Authentication auth) {
        catalogue.get(processId, Roles.of(auth)); // 404 for a process id no version of which is deployed
        return uploads.latestUpload(processId)
                .orElse(new PlaybookUploadService.LatestUpload(null, null, null, List.of()));
    }

    @Operation(summary = "The playbook's BPMN file (the latest version unless one is given)")
    @GetMapping(value = "/{processId}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    String xml(@PathVariable String processId, @RequestParam(required = false) Integer version) {
        return catalogue.xml(processId, version);
    }

    @Operation(
            summary = "Launch the latest version with these variables; accountId, if given, must be a Baton account"
                    + " (a number, or a string of digits) that the caller may act on. incidents: what the engine"
                    + " stopped the new run on by the time Baton answered (null on a Camunda cluster)")
    @PostMapping("/{processId}/instances")
    @ResponseStatus(HttpStatus.CREATED)
    Launched launch(
            @PathVariable String processId,
            @RequestBody(required = false) Map<String, Object> variables,
            Authentication auth) {
        // the catalogue reads accountId once, checks who may act on that account, and launches on it
        long key = catalogue.launch(processId, variables, Roles.of(auth), auth.getName());
        // no waiting: the engine answers the start once it has taken the run to its first wait, incident or not
        return new Launched(key, stuckRuns.known() ? stuckRuns.of(key) : null);
    }

    @Operation(
            summary = "The playbook's latest instances that Baton started, newest first; incidents: what the engine"
                    + " holds a running one on (null on a Camunda cluster, whose incidents Baton cannot read);"
                    + " stuck=true: only the running ones it holds. 404 for a playbook that is not deployed")
    @GetMapping("/{processId}/instances")
    List<InstanceLine> instances(
            @PathVariable String processId, @RequestParam(defaultValue = "false") boolean stuck, Authentication auth) {
        catalogue.get(processId, Roles.of(auth)); // 404 for a process id no version of which is deployed, as /warnings
        return stuckRuns.runs(processId, stuck, 100).stream()
                .map(PlaybookApi::line)
                .toList();
    }

    private static InstanceLine line(StuckRuns.Run run) {
        PlaybookInstance i = run.instance();
        return new InstanceLine(
                i.getProcessInstanceKey(),
                i.getProcessVersion(),
                i.getAccountId(),
                i.getStartedBy(),
                i.getStartedAt(),
                i.getEndedAt(),
                run.incidents(),
                i.getCanceledBy(),
                i.getStartedHow());
    }

    @Operation(summary = "One instance with its human steps (open and done); automated steps are not known to Baton")
    @GetMapping("/instances/{processInstanceKey}")
    Instance instance(@PathVariable long processInstanceKey) {
        return catalogue.instance(processInstanceKey);
    }

    @Operation(
            summary =
                    "Cancel a running instance, with a reason: admins, revenue ops, and the manager who launched it. Its open"
                            + " tasks are withdrawn; 409 when it has ended already")
    @PostMapping("/instances/{processInstanceKey}/cancel")
    @PreAuthorize(RunCancellation.MAY_CANCEL_SOME)
    Instance cancel(@PathVariable long processInstanceKey, @Valid @RequestBody Cancellation body, Authentication auth) {
        cancellation.cancel(processInstanceKey, body.reason(), auth.getName(), Roles.of(auth));
        return catalogue.instance(processInstanceKey);
    }

    @Operation(
            summary = "Upload a playbook: one .bpmn file and the .form files it uses (multipart field 'files')."
                    + " Refused with a 'problems' list naming every problem, or deployed as a new version and kept")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("@capabilities.granted(authentication, 'MANAGE_PLAYBOOKS')")
    List<Deployed> upload(@RequestPart("files") List<MultipartFile> files, Authentication auth) {
        PlaybookUploadService.Uploaded uploaded = uploads.upload(read(files), auth.getName());
        return uploaded.deployed().stream()
                .map(p -> new Deployed(p.processId(), p.version(), p.definitionKey(), uploaded.warnings()))
                .toList();
    }

    @Operation(
            summary = "Retire an uploaded playbook: no longer launched (409) nor listed to those who do not manage"
                    + " playbooks; its timer and signal start events stop (its newest version is deployed again without"
                    + " them); its runs go on. Audited. 409 for one of Baton's own, or one retired already")
    @PostMapping("/{processId}/retire")
    @PreAuthorize("@capabilities.granted(authentication, 'MANAGE_PLAYBOOKS')")
    Playbook retire(@PathVariable String processId, Authentication auth) {
        retirements.retire(processId, auth.getName());
        return catalogue.get(processId, Roles.of(auth));
    }

    @Operation(
            summary = "Bring a retired playbook back: launched and listed again, its timer start events deployed again"
                    + " (a new version). Audited. 409 when it is not retired")
    @PostMapping("/{processId}/restore")
    @PreAuthorize("@capabilities.granted(authentication, 'MANAGE_PLAYBOOKS')")
    Playbook restore(@PathVariable String processId, Authentication auth) {
        retirements.restore(processId, auth.getName());
        return catalogue.get(processId, Roles.of(auth));
    }

    @Operation(
            summary = "Which running instances of older versions can move to the newest version, and why others cannot")
    @GetMapping("/{processId}/upgrade")
    @PreAuthorize("@capabilities.granted(authentication, 'MANAGE_PLAYBOOKS')")
    PlaybookUpgrade.Preview previewUpgrade(@PathVariable String processId) {
        return upgrade.preview(processId);
    }

    @Operation(summary = "Move the running instances of older versions to the newest (those that can); audited")
    @PostMapping("/{processId}/upgrade")
    @PreAuthorize("@capabilities.granted(authentication, 'MANAGE_PLAYBOOKS')")
    PlaybookUpgrade.Preview upgrade(@PathVariable String processId) {
        return upgrade.upgrade(processId);
    }

    static List<UploadedFile> read(List<MultipartFile> files) {
        return files.stream()
                .filter(f -> !f.isEmpty() || f.getOriginalFilename() != null)
                .map(f -> {
                    try {
                        return new UploadedFile(f.getOriginalFilename(), f.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
