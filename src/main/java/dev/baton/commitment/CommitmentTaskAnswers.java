package dev.baton.commitment;

import dev.baton.people.Person;
import dev.baton.shared.BadRequestException;
import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import dev.baton.task.TaskSubject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Checks an answer to a commitment step with the rules the process applies ({@link
 * CommitmentProcessSteps#check}) before the step completes: a "reopen" without a reason, or a
 * reschedule to a past date, is refused at its field while the task stays open, instead of being
 * refused by the process afterwards and coming back as a new, unexplained task. The answer, who gave it
 * and what they wrote (reason, evidence, new description) is kept in PostgreSQL ({@link
 * CommitmentProcessSteps#keepAnswer}), so the change it makes is audited in their name; the process
 * gets the decision, dates, user names and the kept answer's {@code answerId}. A new owner
 * ("assign", "reassign") is given by the API's own rule ({@link CommitmentAccess#requireMayReassign})
 * asked of the person answering, whoever they are: the one the step was routed to, or someone it was
 * delegated or reassigned to since; else the answer is refused at {@code newOwnerUsername}. So are the
 * decisions the API reserves (verify, reopen, breach, cancel: {@link
 * CommitmentAccess#requireMayDecide}), else refused at {@code decision}: a delegate may deliver
 * through the step, but verifies, breaches or cancels only where the API would let them.
 */
@Component
class CommitmentTaskAnswers implements TaskCompletionHandler {

    /** Decisions that give the commitment to the person named in {@code newOwnerUsername}. */
    static final Set<String> REASSIGNING = Set.of("assign", "reassign");

    private final CommitmentProcessSteps steps;
    private final CommitmentAccess access;

    CommitmentTaskAnswers(CommitmentProcessSteps steps, CommitmentAccess access) {
        this.steps = steps;
        this.access = access;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of(
                "commitment-accept",
                "commitment-assign-owner",
                "commitment-deliver",
                "commitment-overdue",
                "commitment-renegotiate",
                "commitment-verify");
    }

    /** Form fields a person writes freely: kept in PostgreSQL, never sent to the process. */
    static final List<String> TEXT_FIELDS = List.of("reason", "evidence", "newDescription");

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        CommitmentDecision decision = CommitmentDecision.fromForm(blanksAsNull(values));
        Long commitmentId = commitmentId(task);
        Map<String, Object> variables = new HashMap<>(values);
        try {
            if (commitmentId == null) {
                steps.check(decision);
            } else {
                steps.check(decision, commitmentId);
            }
            if (REASSIGNING.contains(decision.decision())) {
                // typed as a user name, an address or a full name: the process and the kept answer get the user name
                Person owner = steps.newOwner(decision);
                decision = decision.withNewOwner(owner.getUsername());
                variables.put("newOwnerUsername", owner.getUsername());
                if (commitmentId != null) {
                    // the process applies the answer later: the one who answers must be allowed now, as in the API
                    access.requireMayReassign(commitmentId, owner.getId(), "newOwnerUsername", actor);
                }
            }
        } catch (BadRequestException refused) {
            throw TaskCompletionHandler.refuse(refused.getFieldErrors());
        } catch (AccessDeniedException refused) {
            throw TaskCompletionHandler.refuse(Map.of("newOwnerUsername", refused.getMessage()));
        }
        try {
            if (commitmentId != null) {
                access.requireMayDecide(commitmentId, decision.decision(), actor);
            }
        } catch (AccessDeniedException refused) {
            throw TaskCompletionHandler.refuse(Map.of("decision", refused.getMessage()));
        }
        TEXT_FIELDS.forEach(variables::remove);
        if (commitmentId != null) {
            variables.put("answerId", steps.keepAnswer(commitmentId, decision, actor));
        }
        return variables;
    }

    /**
     * The new owner an assign or re-route names ({@code newOwnerUsername}) is judged by {@link
     * CommitmentAccess#requireMayReassign}: for the commitment, by its delivering team.
     */
    @Override
    public Optional<GivenWork> givenWork(Task task, String field) {
        Long commitmentId = commitmentId(task);
        return "newOwnerUsername".equals(field) && commitmentId != null
                ? access.givenWork(commitmentId)
                : Optional.empty();
    }

    /** The commitment the step is about, or null for a step without that subject. */
    private static Long commitmentId(Task task) {
        TaskSubject subject = task.getSubject();
        return subject != null && CommitmentTaskContext.SUBJECT_TYPE.equals(subject.type()) ? subject.id() : null;
    }

    private static Map<String, Object> blanksAsNull(Map<String, Object> values) {
        Map<String, Object> v = new HashMap<>(values);
        v.replaceAll((k, x) -> x instanceof String s && s.isBlank() ? null : x);
        return v;
    }
}
