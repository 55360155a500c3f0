package dev.baton.engine;

import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.DeployedPlaybooks.FailedPlaybook;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import io.grpc.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Deploys one playbook (a BPMN file with its forms) after {@link PlaybookChecks} found nothing
 * wrong, and remembers the result in {@link DeployedPlaybooks}. A deployment the engine refuses
 * (its deploy-time checks, e.g. a FEEL expression that does not parse) is answered with the
 * engine's own messages, each mapped to its element.
 */
@Component
public class PlaybookDeployer {

    private static final Logger log = LoggerFactory.getLogger(PlaybookDeployer.class);
    // the engine's refusal lists "- Element: <id> > <path>" lines, each followed by "- ERROR: <message>" lines
    private static final Pattern ELEMENT = Pattern.compile("^\\s*(?:'[^']*':\\s*)?- Element: ([^\\s>]+).*$");
    private static final Pattern ERROR = Pattern.compile("^\\s*- ERROR: (.+)$");

    /** The engine could not be asked (unreachable, busy, timed out): nothing is known about the file. */
    public static class EngineUnavailable extends RuntimeException {
        EngineUnavailable(Throwable cause) {
            super("the engine did not answer the deployment: " + cause.getMessage(), cause);
        }
    }

    private final CamundaClient client;
    private final PlaybookChecks checks;
    private final DeployedPlaybooks deployed;
    private final Clock clock;
    private final ProcessModels models;

    PlaybookDeployer(
            CamundaClient client,
            PlaybookChecks checks,
            DeployedPlaybooks deployed,
            Clock clock,
            ProcessModels models) {
        this.models = models;
        this.client = client;
        this.checks = checks;
        this.deployed = deployed;
        this.clock = clock;
    }

    /**
     * What the engine is about to get, once Baton's checks passed.
     *
     * @param files the files as UTF-8 ({@link PlaybookEncoding}): the text the engine runs and the catalogue shows
     * @param processIds the file's executable process ids, each of which becomes a new version
     */
    public record Checked(PlaybookFiles files, List<String> processIds) {}

    /**
     * What an upload that passes the checks may still do wrong on some runs ({@link
     * PlaybookChecks#warnings}), each at its element; said to the uploader, nothing refused.
     */
    public List<PlaybookProblem> warnings(PlaybookFiles files) {
        return checks.warnings(files);
    }

    /**
     * Checks an upload by the upload's rules and deploys it; the engine makes each changed process a
     * new version.
     *
     * @param source who brought it, for the catalogue ("uploaded by maria")
     * @return the processes deployed (one per executable process in the file)
     * @throws PlaybookRefused with every problem, when Baton or the engine refuses the file
     * @throws EngineUnavailable when the engine did not answer
     */
    public List<DeployedProcess> deploy(PlaybookFiles files, String source) {
        return deploy(files, source, checked -> {});
    }

    /**
     * As {@link #deploy(PlaybookFiles, String)}, with a step between Baton's checks and the engine:
     * what must hold for the playbook to be kept (stored in the database) is done there, and whatever
     * it throws stops the deployment before the engine is asked.
     *
     * <p>Called in a transaction (the one that keeps the playbook), the deployment belongs to it: the
     * catalogue ({@link DeployedPlaybooks}) shows the new versions once it commits, and if it does not
     * commit (e.g. the database fails the commit after the engine accepted the file) what the
     * deployment created is deleted from the engine again, best effort ({@link UnkeptDeployment}): a
     * deletion the engine refuses or does not confirm is logged at ERROR with the resource keys, for an
     * operator to delete them. The caller still gets the transaction's exception.
     *
     * @param beforeEngine given exactly what the engine will get
     * @return the processes deployed, as {@link #deploy(PlaybookFiles, String)}
     * @throws PlaybookRefused with every problem, when Baton or the engine refuses the file
     * @throws EngineUnavailable when the engine did not answer
     */
    public List<DeployedProcess> deploy(PlaybookFiles files, String source, Consumer<Checked> beforeEngine) {
        return deploy(files, source, checks::checkUpload, beforeEngine);
    }

    /**
     * @param rules the checks for where the file comes from: one of Baton's own files may start by
     *     message and run its internal steps, an upload may not (said by the caller, never read from
     *     {@code source}, the catalogue's label)
     */
    private List<DeployedProcess> deploy(
            PlaybookFiles drawn,
            String source,
            Function<PlaybookFiles, List<PlaybookProblem>> rules,
            Consumer<Checked> beforeEngine) {
        PlaybookFiles files = CamundaUserTasks.asJobWorkerTasks(drawn);
        List<PlaybookProblem> problems = rules.apply(files);
        if (!problems.isEmpty()) {
            throw new PlaybookRefused(files.bpmnName(), problems);
        }
        PlaybookFiles utf8 = PlaybookEncoding.utf8(files);
        Map<String, PlaybookXml.ProcessInfo> infos = processes(utf8);
        beforeEngine.accept(new Checked(utf8, List.copyOf(infos.keySet())));
        DeploymentEvent event;
        try {
            DeployResourceCommandStep2 command =
                    client.newDeployResourceCommand().addResourceBytes(utf8.bpmn(), utf8.bpmnName());
            for (Map.Entry<String, byte[]> form : utf8.forms().entrySet()) {
                command = command.addResourceBytes(form.getValue(), form.getKey());
            }
            event = command.send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
                throw new PlaybookRefused(utf8.bpmnName(), refusal(e.getMessage(), utf8));
            }
            throw new EngineUnavailable(e);
        } catch (RuntimeException e) {
            throw new EngineUnavailable(e);
        }
        // the user-task bridge names the steps and finds their forms (linked by id, embedded) from these
        Map<String, byte[]> resources = new java.util.HashMap<>(utf8.forms());
        resources.put(utf8.bpmnName(), utf8.bpmn());
        models.register(event, resources);
        List<DeployedProcess> processes = versions(utf8, source, event, infos);
        Set<String> signals = signals(utf8);
        Runnable remember = () -> {
            remember(processes, event, utf8.forms());
            deployed.signalsThrown(signals);
        };
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new UnkeptDeployment(client, utf8.bpmnName(), event, remember));
        } else {
            remember.run();
        }
        return processes;
    }

    /** The executable processes of a file the checks accepted, by id, in file order. */
    private static Map<String, PlaybookXml.ProcessInfo> processes(PlaybookFiles utf8) {
        Map<String, PlaybookXml.ProcessInfo> infos = new LinkedHashMap<>();
        try {
            PlaybookXml.parse(utf8.bpmn()).processes().forEach(p -> infos.put(p.id(), p));
        } catch (Exception e) {
            throw new PlaybookRefused(
                    utf8.bpmnName(),
                    List.of(PlaybookProblem.ofFile(
                            utf8.bpmnName(),
                            "Baton could not read the file once converted to UTF-8 (" + e.getMessage()
                                    + "): save it as UTF-8 and upload it again")));
        }
        return infos;
    }

    /** The signals the file throws; none when it cannot be read (it was read before, to be checked). */
    private static Set<String> signals(PlaybookFiles utf8) {
        try {
            return PlaybookXml.parse(utf8.bpmn()).thrownSignals();
        } catch (Exception e) {
            return Set.of();
        }
    }

    /**
     * Like {@link #deploy}, but a refused file is logged and listed as failed instead of thrown.
     *
     * @param bundled Baton's own file (its rules), else a kept upload (the upload's rules, bar who its
     *     steps name: {@link PlaybookChecks#checkKept})
     */
    List<DeployedProcess> deployOrList(PlaybookFiles files, String source, boolean bundled) {
        try {
            return deploy(files, source, bundled ? checks::check : checks::checkKept, checked -> {});
        } catch (PlaybookRefused | EngineUnavailable e) {
            List<PlaybookProblem> problems = e instanceof PlaybookRefused refused
                    ? refused.getProblems()
                    : List.of(PlaybookProblem.ofFile(files.bpmnName(), e.getMessage()));
            log.error("Playbook {} ({}) is not deployed: {}", files.bpmnName(), source, problems);
            deployed.failed(new FailedPlaybook(files.bpmnName(), source, problems, clock.instant()));
            if (!bundled) {
                deployed.keptNotDeployed(processIds(files));
            }
            return List.of();
        }
    }

    /** The file's executable process ids; none when it cannot be read. */
    private static Set<String> processIds(PlaybookFiles files) {
        try {
            return PlaybookXml.parse(files.bpmn()).processes().stream()
                    .map(PlaybookXml.ProcessInfo::id)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (Exception e) {
            return Set.of();
        }
    }

    private List<DeployedProcess> versions(
            PlaybookFiles files, String source, DeploymentEvent event, Map<String, PlaybookXml.ProcessInfo> infos) {
        String xml = new String(files.bpmn(), java.nio.charset.StandardCharsets.UTF_8);
        List<DeployedProcess> out = new ArrayList<>();
        for (Process p : event.getProcesses()) {
            PlaybookXml.ProcessInfo info = infos.get(p.getBpmnProcessId());
            DeployedProcess process = new DeployedProcess(
                    p.getBpmnProcessId(),
                    info == null ? null : info.name(),
                    p.getVersion(),
                    p.getProcessDefinitionKey(),
                    p.getResourceName(),
                    info == null ? null : info.documentation(),
                    info == null ? PlaybookXml.DEFAULT_LAUNCH_ROLES : info.launchRoles(),
                    info == null ? CallerNeeds.NONE : info.callerNeeds(),
                    source,
                    clock.instant(),
                    info == null ? Map.of() : info.activities(),
                    info == null ? Map.of() : info.scopes(),
                    info == null ? Set.of() : info.blocks(),
                    info == null ? Set.of() : info.calls(),
                    xml);
            out.add(process);
        }
        return out;
    }

    private void remember(List<DeployedProcess> processes, DeploymentEvent event, Map<String, byte[]> forms) {
        processes.forEach(deployed::deployed);
        Set<String> processIds = processes.stream()
                .map(DeployedProcess::processId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        for (Form form : event.getForm()) {
            byte[] text = forms.get(form.getResourceName());
            deployed.formDeployed(
                    form.getFormId(),
                    processIds,
                    text == null ? null : new String(text, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The engine's refusal as problems with their elements; the whole message when it has another shape. */
    static List<PlaybookProblem> refusal(String message, PlaybookFiles files) {
        Map<String, String> names;
        try {
            names = PlaybookXml.parse(files.bpmn()).namesById();
        } catch (Exception e) {
            names = Map.of();
        }
        List<PlaybookProblem> problems = new ArrayList<>();
        String element = null;
        for (String line : message.split("\\R")) {
            Matcher e = ELEMENT.matcher(line);
            Matcher error = ERROR.matcher(line);
            if (e.matches()) {
                element = e.group(1);
            } else if (error.matches()) {
                problems.add(new PlaybookProblem(
                        element,
                        element == null ? null : names.get(element),
                        EngineModelMessages.plain(error.group(1).strip())));
            }
        }
        if (problems.isEmpty()) {
            problems.add(PlaybookProblem.ofFile(files.bpmnName(), "the engine refused the file: " + message));
        }
        return problems;
    }
}
