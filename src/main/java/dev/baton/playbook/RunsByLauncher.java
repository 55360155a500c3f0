package dev.baton.playbook;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.engine.DeployedPlaybooks;
import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.ProcessInstances;
import dev.baton.people.LaunchedRun;
import dev.baton.people.LaunchedRun.State;
import dev.baton.people.LaunchedRuns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The runs a person launched from the catalogue, from Baton's own records ({@link PlaybookInstance}):
 * a catalogue launch records its launcher as the instance's {@code startedBy}, the same user name it
 * gives the run as {@code launchedBy}. Runs of versions that no one may launch from the catalogue
 * (the handoff, which Baton starts itself and whose steps hand work on by themselves) and of versions
 * with no building block, in their steps or in what they call, are left out: no block acts for their
 * launcher. Runs Baton recorded as running are asked of the engine, and those it no longer has are
 * marked ended, as the sweep would. When the engine does not answer, the runs not yet asked are not
 * asked either (each would wait for the same silence) and are listed as of unknown state.
 */
@Component
class RunsByLauncher implements LaunchedRuns {

    /** Why a run's state is unknown: told to whoever deactivates its launcher. */
    static final String ENGINE_DID_NOT_ANSWER = "the engine did not answer when asked whether this run still runs:"
            + " it may have ended, or stop at its next building block once the launcher has left";

    private static final Logger log = LoggerFactory.getLogger(RunsByLauncher.class);

    private final PlaybookInstances instances;
    private final DeployedPlaybooks deployed;
    private final ProcessInstances engine;
    private final Accounts accounts;
    private final Clock clock;

    RunsByLauncher(
            PlaybookInstances instances,
            DeployedPlaybooks deployed,
            ProcessInstances engine,
            Accounts accounts,
            Clock clock) {
        this.instances = instances;
        this.deployed = deployed;
        this.engine = engine;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Callers hold no transaction of their own (a people import asks once its transaction has
     * ended: issue 15), and this opens none while it asks the engine: the runs it no longer has are
     * marked ended after, in one short transaction ({@link PlaybookInstances#markEnded}), which is true
     * whatever follows.
     */
    @Override
    public List<LaunchedRun> runningLaunchedBy(String username) {
        List<PlaybookInstance> listed = new ArrayList<>(); // running, or of unknown state
        List<Long> gone = new ArrayList<>();
        Set<Long> unknown = new HashSet<>();
        RuntimeException silence = null;
        for (PlaybookInstance instance : instances.findByStartedByAndEndedAtIsNullOrderByStartedAt(username)) {
            Optional<DeployedProcess> version = deployed.byDefinitionKey(instance.getProcessDefinitionKey());
            boolean launchable = version.map(v -> !v.launchRoles().isEmpty()).orElse(true);
            if (!launchable || !deployed.mayReachBlocks(instance.getProcessDefinitionKey())) {
                continue;
            }
            if (silence == null) {
                try {
                    if (!engine.isRunning(instance.getProcessInstanceKey())) {
                        gone.add(instance.getProcessInstanceKey());
                        continue;
                    }
                } catch (RuntimeException e) {
                    silence = e;
                }
            }
            if (silence != null) {
                unknown.add(instance.getProcessInstanceKey());
            }
            listed.add(instance);
        }
        if (silence != null) {
            log.warn(
                    "The engine did not answer whether {} of the playbook runs {} launched still run; they are"
                            + " listed as of unknown state, not as running: {}",
                    unknown.size(),
                    username,
                    silence.toString());
        }
        if (!gone.isEmpty()) {
            instances.markEnded(gone, clock.instant());
        }
        Map<Long, String> accountNames = accounts
                .findAllById(listed.stream()
                        .map(PlaybookInstance::getAccountId)
                        .filter(id -> id != null)
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(Account::getId, Account::getName, (a, b) -> a));
        // a version without a name (or one Baton does not know) goes by its process id, as in the catalogue
        Function<PlaybookInstance, String> name = i -> deployed.byDefinitionKey(i.getProcessDefinitionKey())
                .map(DeployedProcess::name)
                .orElse(i.getBpmnProcessId());
        return listed.stream()
                .map(i -> new LaunchedRun(
                        i.getProcessInstanceKey(),
                        i.getBpmnProcessId(),
                        name.apply(i),
                        i.getProcessVersion(),
                        i.getAccountId(),
                        i.getAccountId() == null ? null : accountNames.get(i.getAccountId()),
                        i.getStartedAt(),
                        unknown.contains(i.getProcessInstanceKey()) ? State.UNKNOWN : State.RUNNING,
                        unknown.contains(i.getProcessInstanceKey()) ? ENGINE_DID_NOT_ANSWER : null))
                .toList();
    }
}
