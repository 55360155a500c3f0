package dev.baton.renewal;

import dev.baton.account.AccountEvents;
import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.renewal.engine.RenewalBpmn;
import dev.baton.task.TaskAssignments;
import dev.baton.task.TaskSubject;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A plain owner change of an account (outside a handover: {@link AccountEvents.Transferred}) takes its running
 * renewal along: the stage waiting with the previous owner moves to the new one, and a late stage's chase
 * waiting with the previous owner's manager moves to the new owner's ({@link RenewalService#chaser}), as a
 * manager's move does ({@link TaskAssignments#moveOpenSteps}: audited, both holders mailed, the first holder
 * kept on record). Found by session 45's probe (F1): the stage stayed with the previous owner and its chase
 * with their manager while the later stages went to the new owner, who was never told, and the renewals list
 * showed the run to a manager whose line held none of its steps. The process is told nothing: it reads the
 * owner afresh before each later stage, and the owner's manager when a stage is late. A step delegated on to
 * someone else stays where it is, and so does a chase when the new owner has no active manager (the previous
 * one goes on chasing rather than nobody). Delivered after commit, again after a crash; a second delivery
 * finds the steps moved already and moves nothing. A handover moves the account's steps itself and publishes
 * no such event. The moves are audited and mailed as by whoever changed the owner ({@link
 * AccountEvents.Transferred#by}; until session 46 they were Baton's, the listener having no signed-in user).
 */
@Component
class RenewalsFollowTheAccount {

    private static final Set<String> STAGES =
            Set.of(RenewalBpmn.TASK_REVIEW_HEALTH, RenewalBpmn.TASK_WRITE_PROPOSAL, RenewalBpmn.TASK_DECIDE);
    private static final Set<String> CHASES = Set.of(
            RenewalBpmn.TASK_CHASE_LATE_HEALTH_REVIEW,
            RenewalBpmn.TASK_CHASE_LATE_PROPOSAL,
            RenewalBpmn.TASK_CHASE_LATE_DECISION);

    private final Renewals renewals;
    private final PeopleLookup people;
    private final TaskAssignments tasks;

    RenewalsFollowTheAccount(Renewals renewals, PeopleLookup people, TaskAssignments tasks) {
        this.renewals = renewals;
        this.people = people;
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void accountTransferred(AccountEvents.Transferred event) {
        // the moves are the owner change's, so audited and mailed as by whoever made it, not by Baton
        AuditLog.onBehalfOf(event.by(), () -> follow(event));
    }

    /** Moves the account's running renewals' waiting steps; returns how many moved. */
    private int follow(AccountEvents.Transferred event) {
        if (event.previousOwnerId() == null) {
            return 0; // nobody owned it, so no renewal ran for it
        }
        Person before = people.byId(event.previousOwnerId()).orElse(null);
        Person now = people.byId(event.ownerId()).orElse(null);
        if (before == null || now == null) {
            return 0;
        }
        int moved = 0;
        for (Renewal r : renewals.findByAccountId(event.accountId())) {
            if (r.isClosed()) {
                continue;
            }
            TaskSubject subject = new TaskSubject(RenewalTasks.SUBJECT_TYPE, r.getId());
            moved += tasks.moveOpenSteps(before.getUsername(), now.getUsername(), subject, STAGES);
            String newChaser = RenewalService.chaser(now).orElse(null);
            String oldChaser = RenewalService.chaser(before).orElse(null);
            if (newChaser != null && oldChaser != null) {
                moved += tasks.moveOpenSteps(oldChaser, newChaser, subject, CHASES);
            }
        }
        return moved;
    }
}
