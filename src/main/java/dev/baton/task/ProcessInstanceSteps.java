package dev.baton.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human steps of one process instance as the inbox knows them, for a live diagram. Only user
 * tasks reach Baton's task rows: automated steps, events and gateways are not known here.
 */
@Service
public class ProcessInstanceSteps {

    /**
     * One user task of the instance.
     *
     * @param open true while it waits for a person, false once done (even if the engine has yet to hear) or withdrawn
     * @param completed true when a person completed it
     * @param assignee who has it, or null when only offered to candidate groups
     */
    public record Step(
            String elementId,
            String name,
            boolean open,
            boolean completed,
            String assignee,
            Set<String> candidateGroups,
            String completedBy,
            Instant completedAt) {}

    private final Tasks tasks;

    ProcessInstanceSteps(Tasks tasks) {
        this.tasks = tasks;
    }

    /** The instance's user tasks, oldest first; empty when Baton has none for it. */
    @Transactional(readOnly = true)
    public List<Step> of(long processInstanceKey) {
        return tasks
                .findAll((t, q, cb) -> cb.equal(t.get("processInstanceKey"), processInstanceKey), Sort.by("id"))
                .stream()
                .map(t -> new Step(
                        t.getElementId(),
                        t.getName(),
                        t.getStatus() == TaskStatus.OPEN,
                        t.getStatus() == TaskStatus.COMPLETED || t.getStatus() == TaskStatus.COMPLETING,
                        t.getAssignee(),
                        Set.copyOf(t.getCandidateGroups()),
                        t.getCompletedBy(),
                        t.getCompletedAt()))
                .toList();
    }
}
