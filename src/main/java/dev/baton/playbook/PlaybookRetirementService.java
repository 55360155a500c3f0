package dev.baton.playbook;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditFilter;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditTrail;
import dev.baton.engine.DeployedPlaybooks;
import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.playbook.PlaybookUploadService.UploadedFile;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retiring an uploaded playbook, and bringing it back (session 42's probe: one uploaded by mistake could
 * be launched for good). A retired playbook is hidden from the catalogue's list (those who manage
 * playbooks still see it, marked), a launch is refused with a 409, and its timer and signal start events
 * stop starting runs: retiring deploys its newest version again without them ({@link TimerlessVersion}),
 * through the upload's own checks and keeping, as a new version. Its runs go on (listed, workable,
 * cancelable). Bringing it back deploys the upload it had before again, in its author's name. Both are audited. Baton's own
 * playbooks (the bundled files) cannot be retired.
 */
@Service
public class PlaybookRetirementService {

    static final String RESTORED = "playbook.restored";

    private final PlaybookRetirements retirements;
    private final PlaybookUploads uploads;
    private final PlaybookUploadService uploadService;
    private final DeployedPlaybooks deployed;
    private final AuditLog audit;
    private final AuditTrail trail;
    private final Clock clock;

    PlaybookRetirementService(
            PlaybookRetirements retirements,
            PlaybookUploads uploads,
            PlaybookUploadService uploadService,
            DeployedPlaybooks deployed,
            AuditLog audit,
            AuditTrail trail,
            Clock clock) {
        this.retirements = retirements;
        this.uploads = uploads;
        this.uploadService = uploadService;
        this.deployed = deployed;
        this.audit = audit;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Retires an uploaded playbook. Callers check that {@code actor} manages playbooks.
     *
     * @param processId the playbook's process id
     * @param actor the user name of who retires it
     * @return the retirement as recorded
     * @throws NotFoundException when no version of it is deployed
     * @throws ConflictException when it is one of Baton's own (bundled) playbooks, or retired already
     * @throws dev.baton.engine.PlaybookRefused when its version without timer start events is refused at
     *     deployment (nothing is retired then)
     * @throws dev.baton.engine.PlaybookDeployer.EngineUnavailable when the engine did not answer (nothing
     *     changed)
     */
    @Transactional
    public PlaybookRetirement retire(String processId, String actor) {
        DeployedProcess latest = latest(processId);
        Optional<PlaybookUpload> kept = newestUpload(processId);
        if (!latest.source().startsWith("uploaded") || kept.isEmpty()) {
            throw new ConflictException(
                    "'" + latest.nameOrId() + "' is one of Baton's own playbooks: it cannot be retired");
        }
        if (retirements.existsById(processId)) {
            throw new ConflictException("'" + latest.nameOrId() + "' is retired already");
        }
        byte[] timerless = TimerlessVersion.of(latest.xml().getBytes(StandardCharsets.UTF_8), latest.version());
        Long restore = null;
        if (timerless != null) {
            restore = kept.get().getId();
            List<UploadedFile> files = new ArrayList<>();
            files.add(new UploadedFile(kept.get().getBpmnName(), timerless));
            kept.get()
                    .getForms()
                    .forEach((name, text) -> files.add(new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8))));
            uploadService.uploadRetirementCopy(files, actor);
        }
        PlaybookRetirement retirement =
                retirements.save(new PlaybookRetirement(processId, actor, clock.instant(), restore));
        audit.record(
                "playbook.retired",
                "playbook_version",
                latest.definitionKey(),
                null,
                fields("status", "active"),
                fields("status", "retired", "playbook", processId, "timerStartsRemoved", timerless != null));
        return retirement;
    }

    /**
     * Brings a retired playbook back: launched and listed again, and, when retiring removed its timer or
     * signal start events, the upload it had before is deployed again (a new version), so they start runs
     * again. Callers check that {@code actor} manages playbooks.
     *
     * @throws NotFoundException when no version of it is deployed
     * @throws ConflictException when it is not retired
     * @throws dev.baton.engine.PlaybookRefused when the upload it had before is refused now (someone it names
     *     has left, say): it stays retired
     * @throws dev.baton.engine.PlaybookDeployer.EngineUnavailable when the engine did not answer
     */
    @Transactional
    public void restore(String processId, String actor) {
        DeployedProcess latest = latest(processId);
        PlaybookRetirement retirement = retirements
                .findById(processId)
                .orElseThrow(() -> new ConflictException("'" + latest.nameOrId() + "' is not retired"));
        // first, in this transaction: the upload refuses a new version of a retired playbook (a refusal
        // below rolls it back, and the playbook stays retired)
        retirements.delete(retirement);
        retirements.flush();
        if (retirement.getRestoreUploadId() != null) {
            PlaybookUpload before =
                    uploads.findById(retirement.getRestoreUploadId()).orElseThrow();
            List<UploadedFile> files = new ArrayList<>();
            files.add(new UploadedFile(before.getBpmnName(), before.getBpmn().getBytes(StandardCharsets.UTF_8)));
            before.getForms()
                    .forEach((name, text) -> files.add(new UploadedFile(name, text.getBytes(StandardCharsets.UTF_8))));
            uploadService.uploadAgain(files, before.getUploadedBy(), before.getUploadedAt());
        }
        audit.record(
                RESTORED,
                "playbook_version",
                latest.definitionKey(),
                null,
                fields("status", "retired"),
                fields("status", "active", "playbook", processId));
    }

    /**
     * Who brought the playbook back last, and when: the newest {@code playbook.restored} audit event of its
     * versions (a restore records the version that was the newest then). One query per version: a page's.
     *
     * @return empty when it was never brought back
     */
    @Transactional(readOnly = true)
    public Optional<Restore> lastRestore(String processId) {
        return deployed.versions(processId).stream()
                .flatMap(v -> trail
                        .find(
                                new AuditFilter(
                                        "playbook_version", v.definitionKey(), null, null, RESTORED, null, null),
                                Optional.empty(),
                                0,
                                1)
                        .stream())
                .max(Comparator.comparing(AuditEvent::getAt))
                .map(e -> new Restore(e.getActor(), e.getAt()));
    }

    /** A playbook brought back, by whom (a user name) and when. */
    public record Restore(String by, Instant at) {}

    /** The retirement of the playbook, if it is retired. */
    @Transactional(readOnly = true)
    public Optional<PlaybookRetirement> of(String processId) {
        return retirements.findById(processId);
    }

    private DeployedProcess latest(String processId) {
        return deployed.latest(processId).orElseThrow(() -> new NotFoundException("playbook", processId));
    }

    private Optional<PlaybookUpload> newestUpload(String processId) {
        return uploads.findAllByOrderByIdDesc().stream()
                .filter(u -> u.getProcessIds().contains(processId))
                .findFirst();
    }
}
