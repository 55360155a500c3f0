package dev.baton.commitment;

import dev.baton.account.AccountEvents;
import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.task.TaskAssignments;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A plain owner change of an account (outside a handover: {@link AccountEvents.Transferred}) can change who
 * speaks for its rejected promises ({@link RelationshipHolder}: the account's owner once the maker cannot).
 * The <i>Renegotiate commitment</i> step already waiting with whoever spoke for one before then moves in the
 * inbox to whoever speaks for it now, as a handover moves the account's waiting steps with it ({@link
 * TaskAssignments#handOverOpenAbout}: audited, both mailed, the first holder kept on record), and the process
 * is told nothing: it reads who speaks for the promise afresh before any later step. A step delegated on to
 * someone else stays where it is, and so does one whose promise the change leaves with the same person (a
 * maker who still speaks for it). Delivered after commit, again after a crash; a second delivery finds the
 * step moved already and moves nothing. The move is audited and mailed as by whoever changed the owner ({@link
 * AccountEvents.Transferred#by}; until session 46 it was Baton's, the listener having no signed-in user).
 */
@Component
class RenegotiationsFollowTheAccount {

    private final Commitments commitments;
    private final RelationshipHolder holders;
    private final PeopleLookup people;
    private final TaskAssignments tasks;

    RenegotiationsFollowTheAccount(
            Commitments commitments, RelationshipHolder holders, PeopleLookup people, TaskAssignments tasks) {
        this.commitments = commitments;
        this.holders = holders;
        this.people = people;
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void accountTransferred(AccountEvents.Transferred event) {
        // the moves are the owner change's, so audited and mailed as by whoever made it, not by Baton
        AuditLog.onBehalfOf(event.by(), () -> follow(event));
    }

    /** Moves the account's waiting Renegotiate steps to whoever speaks for their promises now; returns how many. */
    private int follow(AccountEvents.Transferred event) {
        Person previousOwner = event.previousOwnerId() == null
                ? null
                : people.byId(event.previousOwnerId()).orElse(null);
        int moved = 0;
        for (Commitment c : commitments.findOpenByAccountId(event.accountId())) {
            if (c.stage() != CommitmentStage.RENEGOTIATE || c.getProcessInstanceKey() == null) {
                continue;
            }
            String before = holders.renegotiator(c, previousOwner);
            String now = holders.renegotiator(c, c.getAccount().getOwner());
            if (!before.equals(now)) {
                moved += tasks.handOverOpenAbout(before, now, c.taskSubject(), false, false);
            }
        }
        return moved;
    }
}
