package dev.baton.playbook;

import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.KeptPlaybooks;
import dev.baton.engine.PlaybookDeployer;
import dev.baton.engine.PlaybookFiles;
import dev.baton.engine.PlaybookProblem;
import dev.baton.engine.PlaybookRefused;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' uploads: one BPMN file and the forms it uses, checked, deployed as a new version and kept
 * in PostgreSQL. At start-up the newest upload of each process id is deployed again (only the
 * newest: on a cluster an older one would come back as yet another version).
 */
@Service
public class PlaybookUploadService implements KeptPlaybooks {

    /** An uploaded file: its name and bytes. */
    public record UploadedFile(String name, byte[] bytes) {}

    private final PlaybookDeployer deployer;
    private final PlaybookUploads uploads;
    private final Clock clock;

    PlaybookUploadService(PlaybookDeployer deployer, PlaybookUploads uploads, Clock clock) {
        this.deployer = deployer;
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * Checks and deploys the files.
     *
     * @param files exactly one {@code .bpmn} file and any number of {@code .form} files
     * @return the processes deployed, each as a new version (or the same version when unchanged)
     * @throws PlaybookRefused with every problem found; nothing is deployed or kept
     * @throws PlaybookDeployer.EngineUnavailable when the engine did not answer
     */
    @Transactional
    public List<DeployedProcess> upload(List<UploadedFile> files, String username) {
        List<PlaybookProblem> problems = new ArrayList<>();
        List<UploadedFile> bpmn =
                files.stream().filter(f -> name(f).endsWith(".bpmn")).toList();
        Map<String, byte[]> forms = new LinkedHashMap<>();
        for (UploadedFile f : files) {
            if (name(f).endsWith(".form")) {
                forms.put(f.name(), f.bytes());
            } else if (!name(f).endsWith(".bpmn")) {
                problems.add(new PlaybookProblem(null, f.name(), "not a .bpmn or .form file"));
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
        PlaybookFiles playbook =
                new PlaybookFiles(bpmn.getFirst().name(), bpmn.getFirst().bytes(), forms);
        List<DeployedProcess> deployed = deployer.deploy(playbook, "uploaded by " + username);
        Map<String, String> formTexts = new LinkedHashMap<>();
        forms.forEach((name, bytes) -> formTexts.put(name, new String(bytes, StandardCharsets.UTF_8)));
        uploads.save(new PlaybookUpload(
                deployed.stream().map(DeployedProcess::processId).toList(),
                playbook.bpmnName(),
                new String(playbook.bpmn(), StandardCharsets.UTF_8),
                formTexts,
                username,
                clock.instant()));
        return deployed;
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

    private static String name(UploadedFile f) {
        return f.name() == null ? "" : f.name().toLowerCase();
    }
}
