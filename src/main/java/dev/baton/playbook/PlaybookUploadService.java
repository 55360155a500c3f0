package dev.baton.playbook;

import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.KeptPlaybooks;
import dev.baton.engine.PlaybookDeployer;
import dev.baton.engine.PlaybookFiles;
import dev.baton.engine.PlaybookProblem;
import dev.baton.engine.PlaybookRefused;
import dev.baton.shared.AdvisoryLocks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' uploads: one BPMN file and the forms it uses, checked, kept in PostgreSQL and deployed as
 * a new version; a deployment whose upload the database does not commit is deleted from the engine
 * again. At start-up the newest upload of each process id is deployed again (only the newest: on a
 * cluster an older one would come back as yet another version).
 */
@Service
public class PlaybookUploadService implements KeptPlaybooks {

    /** An uploaded file: its name and bytes. */
    public record UploadedFile(String name, byte[] bytes) {}

    /**
     * An upload deployed: its processes, and what may still go wrong on some runs (a gateway condition
     * reading a variable only a launch could give), each at its element; empty when nothing.
     */
    public record Uploaded(List<DeployedProcess> deployed, List<PlaybookProblem> warnings) {}

    /** The lengths of {@code playbook_upload.bpmn_name} and {@code process_ids}. */
    private static final int MAX_NAME = 255;

    private static final int MAX_PROCESS_IDS = 1000;

    private final PlaybookDeployer deployer;
    private final PlaybookUploads uploads;
    private final Clock clock;
    private final AdvisoryLocks locks;
    private final PlaybookRetirements retirements;

    /** Each upload's process names, by upload id: a kept upload never changes, so each is read once. */
    private final Map<Long, Map<String, String>> namesByUpload = new ConcurrentHashMap<>();

    PlaybookUploadService(
            PlaybookDeployer deployer,
            PlaybookUploads uploads,
            Clock clock,
            AdvisoryLocks locks,
            PlaybookRetirements retirements) {
        this.retirements = retirements;
        this.deployer = deployer;
        this.uploads = uploads;
        this.clock = clock;
        this.locks = locks;
    }

    /**
     * Checks the files, keeps them and deploys them, in that order: the upload is stored (and the
     * database has accepted the row) before the engine is asked, so what Baton cannot keep never
     * runs. A refusal by the engine rolls the stored upload back. If the commit fails after the engine
     * accepted the file, the deployment is deleted from the engine again, best effort, and the
     * catalogue never shows it (see {@link PlaybookDeployer#deploy(PlaybookFiles, String,
     * java.util.function.Consumer)}). The text stored is the text deployed: the files as UTF-8,
     * whatever encoding they were saved in.
     *
     * <p>Uploads are checked, kept and deployed one at a time, on every Baton instance sharing the
     * database ({@link AdvisoryLocks.Subject#PLAYBOOK_NAMES}): the name check reads what the uploads before
     * committed ({@link #keptNames}), so two uploads at once cannot both take one name (session 36's probe
     * uploaded three processes named "Race Two" in parallel, and all three were deployed).
     *
     * @param uploaded exactly one {@code .bpmn} file and any number of {@code .form} files, each
     *     named as sent: only the name after its last folder is used and kept
     * @param username the admin uploading, kept with the upload and shown in the catalogue
     * @return the processes deployed, each as a new version (or the same version when unchanged), with the
     *     upload's warnings
     * @throws PlaybookRefused with every problem found (a file name that is only folders among them), or
     *     when it is a new version of a retired playbook (bring it back first: a new version's timer start
     *     events would start runs of a playbook the catalogue calls retired; session 42's probe); nothing is
     *     deployed or kept
     * @throws PlaybookDeployer.EngineUnavailable when the engine did not answer; nothing is kept
     * @throws org.springframework.dao.DataAccessException or
     *     {@link org.springframework.transaction.TransactionException} when the database fails the
     *     commit; nothing is kept, and the engine's new versions are deleted (an ERROR log names any left)
     */
    @Transactional
    public Uploaded upload(List<UploadedFile> uploaded, String username) {
        return upload(uploaded, username, true);
    }

    /**
     * As {@link #upload(List, String)} for Baton's own copy of a playbook on retiring it ({@link
     * TimerlessVersion#of}): the one upload that keeps the copy's mark.
     */
    @Transactional
    Uploaded uploadRetirementCopy(List<UploadedFile> uploaded, String actor) {
        return upload(uploaded, actor, false);
    }

    /**
     * As {@link #upload(List, String)} for an author's upload deployed again on bringing the playbook back
     * ({@link PlaybookRetirementService#restore}): kept and deployed in its author's name and with its own upload
     * time, as the file is theirs (until session 47 it was kept in the restorer's name, and the playbook's page
     * named the restorer as its uploader); the restore itself is in the audit.
     */
    @Transactional
    Uploaded uploadAgain(List<UploadedFile> uploaded, String author, Instant uploadedAt) {
        return upload(uploaded, author, true, uploadedAt);
    }

    private Uploaded upload(List<UploadedFile> uploaded, String username, boolean byPerson) {
        return upload(uploaded, username, byPerson, null);
    }

    /**
     * @param byPerson whether a person sent the files: then the mark of Baton's copy is removed, and said so
     * @param uploadedAt when the files were uploaded; null for now
     */
    private Uploaded upload(List<UploadedFile> uploaded, String username, boolean byPerson, Instant uploadedAt) {
        locks.hold(AdvisoryLocks.Subject.PLAYBOOK_NAMES);
        List<PlaybookProblem> problems = new ArrayList<>();
        List<UploadedFile> files = new ArrayList<>();
        for (UploadedFile f : uploaded) {
            String base = baseName(f.name());
            if (base != null && base.isEmpty()) {
                problems.add(new PlaybookProblem(
                        null,
                        f.name(),
                        "the file name has nothing after its last folder ('/' or '\\'): rename the file"));
            } else {
                files.add(new UploadedFile(base, f.bytes()));
            }
        }
        List<UploadedFile> bpmn =
                files.stream().filter(f -> name(f).endsWith(".bpmn")).toList();
        Map<String, byte[]> forms = new LinkedHashMap<>();
        for (UploadedFile f : files) {
            if (name(f).endsWith(".form")) {
                forms.put(f.name(), f.bytes());
            } else if (!name(f).endsWith(".bpmn")) {
                problems.add(new PlaybookProblem(null, f.name(), "not a .bpmn or .form file"));
            }
            String badName = badName(f.name());
            if (badName != null) {
                problems.add(new PlaybookProblem(null, f.name(), badName));
            }
        }
        if (bpmn.size() != 1) {
            problems.add(new PlaybookProblem(
                    null,
                    null,
                    "upload exactly one .bpmn file (with the .form files it uses); " + bpmn.size() + " were uploaded"));
        }
        if (!problems.isEmpty()) {
            throw new PlaybookRefused(
                    bpmn.isEmpty() ? "the upload" : bpmn.getFirst().name(), problems);
        }
        byte[] bpmnBytes = bpmn.getFirst().bytes();
        List<PlaybookProblem> unmarked = new ArrayList<>();
        TimerlessVersion.Unmarked without = byPerson ? TimerlessVersion.unmarked(bpmnBytes) : null;
        if (without != null) {
            bpmnBytes = without.bpmn();
            without.marked().forEach((id, name) -> unmarked.add(new PlaybookProblem(id, name, MARK_REMOVED)));
        }
        PlaybookFiles playbook = new PlaybookFiles(bpmn.getFirst().name(), bpmnBytes, forms);
        List<PlaybookProblem> warnings = new ArrayList<>(unmarked);
        List<DeployedProcess> deployed = deployer.deploy(playbook, "uploaded by " + username, checked -> {
            keep(checked, username, uploadedAt == null ? clock.instant() : uploadedAt);
            warnings.addAll(deployer.warnings(checked.files()));
        });
        return new Uploaded(deployed, List.copyOf(warnings));
    }

    /**
     * The latest kept upload that deployed a process, and what may still go wrong on some of its runs
     * ({@link PlaybookDeployer#warnings}, the upload's own warnings), worked out again from the file Baton
     * kept, so the playbook's page and API say it after the upload's answer has gone: until session 45
     * that answer was the only place, and whoever closed it, or a colleague opening the playbook later,
     * never saw them. Worked out by the running Baton's checks on each call (a few milliseconds, for one
     * playbook's page), so an upload kept before a check was added is judged by it too. The one warning
     * of the upload itself, a retirement copy's mark removed ({@link #MARK_REMOVED}), is not repeated: the
     * kept file no longer carries the mark. Baton's own copy of a retired playbook ({@link TimerlessVersion},
     * kept in the name of whoever retired it) is passed over: the upload is its author's last real version
     * (until session 46 the page named the retirer as its uploader).
     *
     * @param file the uploaded BPMN file's name
     * @param uploadedBy the user name of who uploaded it
     * @param warnings each at its element (id and name); empty when nothing may go wrong
     */
    public record LatestUpload(String file, String uploadedBy, Instant uploadedAt, List<PlaybookProblem> warnings) {}

    /**
     * {@link LatestUpload} for a process id; empty for one no upload deployed (Baton's own playbooks, an
     * unknown id).
     */
    @Transactional(readOnly = true)
    public Optional<LatestUpload> latestUpload(String processId) {
        return uploads.findIdsNewestFirst().stream()
                .filter(u -> Arrays.asList(u.getProcessIds().split(",")).contains(processId))
                .map(u -> uploads.findById(u.getId()).orElseThrow())
                // Baton's copy on retiring is kept in the retirer's name; its author's file is the one before
                .filter(u -> TimerlessVersion.copyOf(u.getBpmn(), processId) == null)
                .findFirst()
                .map(u -> new LatestUpload(
                        u.getBpmnName(),
                        u.getUploadedBy(),
                        u.getUploadedAt(),
                        deployer.warnings(new PlaybookFiles(
                                u.getBpmnName(), u.getBpmn().getBytes(StandardCharsets.UTF_8), formBytes(u)))));
    }

    private static Map<String, byte[]> formBytes(PlaybookUpload upload) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        upload.getForms().forEach((name, text) -> forms.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return forms;
    }

    /** The warning of a person's upload that carried the mark of Baton's copy ({@link TimerlessVersion#unmarked}). */
    static final String MARK_REMOVED = "Baton removed " + TimerlessVersion.COPY_OF + " from this process: that mark"
            + " is Baton's own, on the copy it deploys when a playbook is retired (a file downloaded from such a"
            + " version carries it). The version you uploaded is yours, offered to runs and to the upgrade as any"
            + " other";

    /** Stores what the engine is about to get, and makes the database say now whether it takes it. */
    private void keep(PlaybookDeployer.Checked checked, String username, Instant uploadedAt) {
        PlaybookFiles playbook = checked.files();
        for (String processId : checked.processIds()) {
            if (retirements.existsById(processId)) {
                throw refused(
                        playbook,
                        "'" + processId + "' is retired: bring it back first (\"Bring it back\" on its page, or POST"
                                + " /api/playbooks/" + processId + "/restore), then upload its new version");
            }
        }
        String processIds = String.join(",", checked.processIds());
        if (processIds.length() > MAX_PROCESS_IDS) {
            throw refused(
                    playbook,
                    "its process ids are " + processIds.length() + " characters long together; Baton keeps at most "
                            + MAX_PROCESS_IDS + ": shorten them");
        }
        Map<String, String> formTexts = new LinkedHashMap<>();
        playbook.forms().forEach((name, bytes) -> formTexts.put(name, new String(bytes, StandardCharsets.UTF_8)));
        try {
            uploads.saveAndFlush(new PlaybookUpload(
                    checked.processIds(),
                    playbook.bpmnName(),
                    new String(playbook.bpmn(), StandardCharsets.UTF_8),
                    formTexts,
                    username,
                    uploadedAt));
        } catch (DataIntegrityViolationException e) {
            // none known after the checks above; said plainly, and the engine is not asked
            throw refused(
                    playbook,
                    "Baton cannot store the file: " + e.getMostSpecificCause().getMessage());
        }
    }

    private static PlaybookRefused refused(PlaybookFiles playbook, String message) {
        return new PlaybookRefused(
                playbook.bpmnName(), List.of(new PlaybookProblem(null, playbook.bpmnName(), message)));
    }

    /**
     * The name without the folders a browser or client may send with it ({@code ../../etc/p.bpmn}):
     * what follows the last {@code /} or <code>&#92;</code>. The name is the engine's resource name and is
     * stored; a folder in it means nothing to Baton, and a path climbing out would mislead whoever
     * reads it.
     */
    private static String baseName(String name) {
        return name == null ? null : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** Why the database could not keep the file's name (see V23__playbook_upload.sql), or null. */
    private static String badName(String name) {
        if (name == null) {
            return null;
        }
        if (name.length() > MAX_NAME) {
            return "the file name is " + name.length() + " characters long; at most " + MAX_NAME + ": rename the file";
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return "the file name has control characters: rename the file";
        }
        return null;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlaybookFiles> kept() {
        Set<String> covered = new HashSet<>();
        List<PlaybookFiles> newestFirst = new ArrayList<>();
        for (PlaybookUpload upload : uploads.findAllByOrderByIdDesc()) {
            if (!covered.containsAll(upload.getProcessIds())) {
                covered.addAll(upload.getProcessIds());
                Map<String, byte[]> forms = new LinkedHashMap<>();
                upload.getForms().forEach((name, text) -> forms.put(name, text.getBytes(StandardCharsets.UTF_8)));
                newestFirst.add(new PlaybookFiles(
                        upload.getBpmnName(), upload.getBpmn().getBytes(StandardCharsets.UTF_8), forms));
            }
        }
        return newestFirst.reversed();
    }

    /**
     * Reads the newest upload of each process id from the database, each file parsed once per upload
     * (then remembered by its id); in the upload's transaction, under its lock, it sees every upload
     * committed before.
     */
    @Override
    public Map<String, String> keptNames() {
        Map<String, String> names = new HashMap<>();
        for (PlaybookUploads.Ids upload : uploads.findIdsNewestFirst()) {
            List<String> newest = Arrays.stream(upload.getProcessIds().split(","))
                    .filter(id -> !names.containsKey(id))
                    .toList();
            if (!newest.isEmpty()) {
                Map<String, String> inFile = namesByUpload.computeIfAbsent(
                        upload.getId(),
                        id -> uploads.findById(id)
                                .map(u -> KeptPlaybooks.processNames(u.getBpmn()))
                                .orElse(Map.of()));
                newest.forEach(id -> names.put(id, inFile.get(id)));
            }
        }
        return names;
    }

    private static String name(UploadedFile f) {
        return f.name() == null ? "" : f.name().toLowerCase();
    }
}
