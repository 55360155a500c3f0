package dev.baton.playbook;

import dev.baton.engine.RunPages;
import dev.baton.task.TaskRunLinks;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The catalogue's runs on the admins' problems page and on their tasks' pages: each run Baton recorded
 * (launched, or started by the engine: {@link EngineStartedRuns}) has its page.
 */
@Component
class CatalogueRunPages implements RunPages, TaskRunLinks {

    private final PlaybookInstances instances;

    CatalogueRunPages(PlaybookInstances instances) {
        this.instances = instances;
    }

    @Override
    public Map<Long, String> pathsOf(Collection<Long> runKeys, String viewer) {
        // a run's page opens for everyone who reads the problems page (admins and revenue ops)
        return instances.findAllById(runKeys).stream()
                .collect(Collectors.toMap(
                        PlaybookInstance::getProcessInstanceKey,
                        i -> "/playbooks/instances/" + i.getProcessInstanceKey()));
    }

    @Override
    public Optional<String> runPath(long processInstanceKey) {
        return instances.existsById(processInstanceKey)
                ? Optional.of("/playbooks/instances/" + processInstanceKey)
                : Optional.empty();
    }
}
