package dev.baton.commitment;

import dev.baton.commitment.engine.CommitmentBpmn;
import dev.baton.people.FullNames;
import dev.baton.people.PeopleLookup;
import dev.baton.task.Task;
import dev.baton.task.TaskService;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a commitment's waiting steps now: what the commitment's and its account's pages say, so that
 * whoever owns the account sees who speaks for a rejected promise. A <i>Renegotiate</i> step stays with a maker
 * who still speaks for the promise when the account moves to a new owner outside a handover ({@link
 * RelationshipHolder}, {@link RenegotiationsFollowTheAccount}); until session 41 the new owner was not told.
 */
@Service
public class CommitmentWaitingSteps {

    private final TaskService tasks;
    private final PeopleLookup people;

    CommitmentWaitingSteps(TaskService tasks, PeopleLookup people) {
        this.tasks = tasks;
        this.people = people;
    }

    /**
     * One step waiting in an inbox.
     *
     * @param task the task's id
     * @param name the step's name in the model ("Renegotiate commitment")
     * @param assignee who holds it (a user name), or null while it is offered to teams
     * @param assigneeName the holder's full name, or null with {@code assignee}
     * @param teams the teams it is offered to (candidate groups), when nobody holds it
     * @param renegotiation whether it is the <i>Renegotiate commitment</i> step
     */
    public record Step(
            Long task, String name, String assignee, String assigneeName, Set<String> teams, boolean renegotiation) {}

    /**
     * The open steps about the commitment, oldest first; none for an unknown commitment or one whose process
     * waits on nobody.
     */
    @Transactional(readOnly = true)
    public List<Step> of(long commitmentId) {
        return of(List.of(commitmentId)).getOrDefault(commitmentId, List.of());
    }

    /**
     * {@link #of(long)} for several commitments (an account's), by commitment id; a commitment waiting on
     * nobody has no entry. A query for each commitment and one for the holders' names.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Step>> of(Collection<Long> commitmentIds) {
        Map<Long, List<Task>> open = new LinkedHashMap<>();
        for (Long id : commitmentIds) {
            List<Task> waiting = tasks.openAbout(Commitment.taskSubject(id));
            if (!waiting.isEmpty()) {
                open.put(id, waiting);
            }
        }
        FullNames names = people.fullNames(open.values().stream()
                .flatMap(List::stream)
                .map(Task::getAssignee)
                .toList());
        Map<Long, List<Step>> steps = new LinkedHashMap<>();
        open.forEach((id, waiting) -> steps.put(
                id,
                waiting.stream()
                        .map(t -> new Step(
                                t.getId(),
                                t.getName(),
                                t.getAssignee(),
                                t.getAssignee() == null ? null : names.of(t.getAssignee()),
                                Set.copyOf(t.getCandidateGroups()),
                                CommitmentBpmn.TASK_RENEGOTIATE.equals(t.getElementId())))
                        .toList()));
        return steps;
    }
}
