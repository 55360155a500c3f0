package dev.baton.playbook;

import dev.baton.account.Account;
import dev.baton.account.Accounts;
import dev.baton.engine.DeployedPlaybooks;
import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import dev.baton.engine.ProcessInstances;
import dev.baton.people.LaunchedRun;
import dev.baton.people.LaunchedRuns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runs a person launched from the catalogue, from Baton's own records ({@link PlaybookInstance}):
 * a catalogue launch records its launcher as the instance's {@code startedBy}, the same user name it
 * gives the run as {@code launchedBy}. Runs of versions that no one may launch from the catalogue
 * (the handoff, which Baton starts itself and whose steps hand work on by themselves) and of versions
 * with no building block, in their steps or in what they call, are left out: no block acts for their
 * launcher. Runs Baton recorded as running are asked of the engine, and those it no longer has are
 * marked ended, as the sweep would.
 */
@Component
class RunsByLauncher implements LaunchedRuns {

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
     * <p>A failure leaves the caller's transaction as it was (no rollback-only mark): a people import
     * deactivating the launcher goes ahead and says the runs could not be listed. What this writes
     * (runs marked ended) is true whatever follows.
     */
    @Override
    @Transactional(noRollbackFor = RuntimeException.class)
    public List<LaunchedRun> runningLaunchedBy(String username) {
        List<PlaybookInstance> running = new ArrayList<>();
        for (PlaybookInstance instance : instances.findByStartedByAndEndedAtIsNullOrderByStartedAt(username)) {
            Optional<DeployedProcess> version = deployed.byDefinitionKey(instance.getProcessDefinitionKey());
            boolean launchable = version.map(v -> !v.launchRoles().isEmpty()).orElse(true);
            if (launchable && deployed.mayReachBlocks(instance.getProcessDefinitionKey()) && stillRunning(instance)) {
                running.add(instance);
            }
        }
        Map<Long, String> accountNames = accounts
                .findAllById(running.stream()
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
        return running.stream()
                .map(i -> new LaunchedRun(
                        i.getProcessInstanceKey(),
                        i.getBpmnProcessId(),
                        name.apply(i),
                        i.getProcessVersion(),
                        i.getAccountId(),
                        i.getAccountId() == null ? null : accountNames.get(i.getAccountId()),
                        i.getStartedAt()))
                .toList();
    }

    /** Asks the engine; a run it could not be asked about is taken as running (it may stop at a block). */
    private boolean stillRunning(PlaybookInstance instance) {
        try {
            if (!engine.isRunning(instance.getProcessInstanceKey())) {
                instance.ended(clock.instant());
                return false;
            }
        } catch (RuntimeException e) {
            // the engine did not answer: what Baton recorded stands
        }
        return true;
    }
}
