package dev.baton.handover;

import dev.baton.engine.RunPages;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Handovers on the admins' problems page: a step of a handover's run (its rep-handover instance, or an
 * account's instance it called) links the handover's progress page.
 */
@Component
class HandoverRunPages implements RunPages {

    private final Handovers handovers;

    HandoverRunPages(Handovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public Map<Long, String> pathsOf(Collection<Long> runKeys) {
        return handovers.findByProcessInstanceKeyIn(runKeys).stream()
                .collect(
                        Collectors.toMap(Handover::getProcessInstanceKey, h -> "/handovers/" + h.getId(), (a, b) -> a));
    }
}
