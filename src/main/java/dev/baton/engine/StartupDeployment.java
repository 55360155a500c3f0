package dev.baton.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the playbooks at start-up, each BPMN file on its own with the forms it references, so a
 * file the engine refuses is listed (log and catalogue) and the others run; then the kept uploads
 * ({@link KeptPlaybooks}), which may not take the place of Baton's own processes ({@link UploadChecks}), and
 * may call a process, or wait for a signal, of one deployed after them. Runs as a lifecycle phase before the job workers open and the scheduled
 * work starts, once the client (and with it the in-memory engine) exists. Unchanged files make no
 * new versions: the engine recognises them.
 */
@Component
class StartupDeployment implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StartupDeployment.class);
    static final String BUNDLED = "bundled";

    private final PlaybookDeployer deployer;
    private final DeployedPlaybooks deployed;
    private final ResourcePatternResolver resources;
    private final ObjectProvider<KeptPlaybooks> kept;
    private final ObjectMapper json;
    private final String location;
    private final String formsLocation;
    private volatile boolean running;

    StartupDeployment(
            PlaybookDeployer deployer,
            DeployedPlaybooks deployed,
            ResourcePatternResolver resources,
            ObjectProvider<KeptPlaybooks> kept,
            ObjectMapper json,
            @Value("${baton.playbooks.location:classpath*:/bpmn/*.bpmn}") String location,
            @Value("${baton.playbooks.forms-location:classpath*:/bpmn/forms/*.form}") String formsLocation) {
        this.deployer = deployer;
        this.deployed = deployed;
        this.resources = resources;
        this.kept = kept;
        this.json = json;
        this.location = location;
        this.formsLocation = formsLocation;
    }

    @Override
    public void start() {
        Set<String> own = new HashSet<>();
        Set<String> ownMessages = new HashSet<>();
        read(location).forEach((name, bytes) -> {
            own.addAll(processIds(new PlaybookFiles(name, bytes, Map.of())));
            ownMessages.addAll(messageNames(bytes));
        });
        // before the kept uploads: one kept before such uploads were refused is refused now
        deployed.own(own);
        deployed.ownMessages(ownMessages);
        List<PlaybookFiles> uploads =
                kept.orderedStream().flatMap(k -> k.kept().stream()).toList();
        Set<String> uploaded = new HashSet<>();
        Set<String> signals = new HashSet<>();
        for (PlaybookFiles upload : uploads) {
            uploaded.addAll(processIds(upload));
            signals.addAll(thrownSignals(upload.bpmn()));
        }
        deployed.arriving(uploaded); // a kept upload may call one kept after it
        deployed.signalsArriving(signals); // and wait for a signal one kept after it throws
        try {
            deployFrom(location, formsLocation);
            uploads.forEach(upload -> deployer.deployOrList(upload, "uploaded", false));
        } finally {
            deployed.arrived(uploaded);
            deployed.signalsArrived(signals);
        }
        running = true;
    }

    /** Deploys every BPMN file at {@code bpmnLocation} on its own, as Baton's own files. */
    void deployFrom(String bpmnLocation, String formsAt) {
        Map<String, byte[]> forms = read(formsAt);
        Map<String, String> formIds = new LinkedHashMap<>(); // form id -> file name
        forms.forEach((name, bytes) -> {
            try {
                formIds.put(json.readTree(bytes).path("id").asText(name), name);
            } catch (IOException e) {
                log.warn("Form {} is not JSON", name);
            }
        });
        Map<String, byte[]> bpmn = new LinkedHashMap<>();
        Set<String> arriving = new HashSet<>();
        read(bpmnLocation).forEach((name, bytes) -> {
            bpmn.put(name, bytes);
            arriving.addAll(processIds(new PlaybookFiles(name, bytes, Map.of())));
        });
        deployed.arriving(arriving); // a file may call a process of a file deployed after it
        try {
            bpmn.forEach((name, bytes) -> {
                Map<String, byte[]> used = new LinkedHashMap<>();
                for (String ref : references(bytes)) {
                    String file = forms.containsKey(ref + ".form") ? ref + ".form" : formIds.get(ref);
                    if (file != null) {
                        used.put(file, forms.get(file));
                    }
                }
                deployer.deployOrList(new PlaybookFiles(name, bytes, used), BUNDLED, true);
            });
        } finally {
            deployed.arrived(arriving);
        }
    }

    private Map<String, byte[]> read(String pattern) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (Resource resource : resources.getResources(pattern)) {
                files.put(resource.getFilename(), resource.getContentAsByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read playbooks at " + pattern, e);
        }
        return files;
    }

    private static Set<String> processIds(PlaybookFiles files) {
        try {
            return new HashSet<>(PlaybookXml.parse(files.bpmn()).processes().stream()
                    .map(PlaybookXml.ProcessInfo::id)
                    .toList());
        } catch (Exception e) {
            return Set.of(); // the deployer lists what is wrong with it
        }
    }

    private static Set<String> messageNames(byte[] bpmn) {
        try {
            Set<String> names =
                    new HashSet<>(PlaybookXml.parse(bpmn).messageNames().values());
            names.remove(null);
            return names;
        } catch (Exception e) {
            return Set.of();
        }
    }

    private static Set<String> thrownSignals(byte[] bpmn) {
        try {
            return PlaybookXml.parse(bpmn).thrownSignals();
        } catch (Exception e) {
            return Set.of(); // the deployer lists what is wrong with it
        }
    }

    private static Set<String> references(byte[] bpmn) {
        try {
            return PlaybookXml.parse(bpmn).referencedForms();
        } catch (Exception e) {
            return Set.of();
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the job workers (the Camunda SDK's lifecycle runs in the default, last phase) and the web server. */
    @Override
    public int getPhase() {
        return 0;
    }
}
