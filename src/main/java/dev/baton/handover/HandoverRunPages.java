package dev.baton.handover;

import dev.baton.engine.RunPages;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Role;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Handovers on the admins' problems page: a step of a handover's run (its rep-handover instance, or an
 * account's instance it called) links the handover's progress page, for a viewer that page opens to: an
 * admin or a manager ({@code HandoverPages}' role gate) who may see the handover ({@link HandoverVisibility}).
 * Revenue ops, who read the problems page but manage nobody, get the run's key without a link (until session
 * 41 the link answered them 403).
 */
@Component
class HandoverRunPages implements RunPages {

    private final Handovers handovers;
    private final HandoverVisibility visibility;
    private final PeopleLookup people;

    HandoverRunPages(Handovers handovers, HandoverVisibility visibility, PeopleLookup people) {
        this.handovers = handovers;
        this.visibility = visibility;
        this.people = people;
    }

    @Override
    public Map<Long, String> pathsOf(Collection<Long> runKeys, String viewer) {
        boolean opensHandovers = people.byUsername(viewer)
                .map(p -> p.hasRole(Role.ADMIN) || p.hasRole(Role.MANAGER))
                .orElse(false);
        if (!opensHandovers) {
            return Map.of();
        }
        return handovers.findByProcessInstanceKeyIn(runKeys).stream()
                .filter(h -> visibility.maySee(h, viewer))
                .collect(
                        Collectors.toMap(Handover::getProcessInstanceKey, h -> "/handovers/" + h.getId(), (a, b) -> a));
    }
}
