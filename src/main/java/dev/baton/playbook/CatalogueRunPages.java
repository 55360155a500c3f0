package dev.baton.playbook;

import dev.baton.engine.RunPages;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The catalogue's runs on the admins' problems page: each instance Baton started has its page. */
@Component
class CatalogueRunPages implements RunPages {

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
}
