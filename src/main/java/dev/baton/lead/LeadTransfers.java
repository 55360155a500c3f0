package dev.baton.lead;

import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.task.TaskAssignments;
import dev.baton.task.TaskSubject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open leads as a departing person's work: what they still own (for a handover's book and its
 * orphan check), and moving it on. A move is the playbook's own reassignment ({@link
 * LeadFollowUp#moveTo}): the lead's open step goes with it. An untouched lead's first-touch step
 * starts again for the new owner (its reminder and escalation count from the move, in their working
 * hours), so a lead reassigned because its owner left is not born overdue in the new owner's inbox.
 * Its first-touch due time, by which the trust report and the campaign figures judge it, starts again
 * too while it has not passed; once passed it stays: a reassignment never turns a missed SLA into a
 * kept one, and the miss counts for whoever held the lead then ({@link Lead#assign}, {@link
 * LeadStatistics}).
 *
 * <p>A move is done in the name of whom the caller works for ({@link AuditLog#onBehalfOf}: the manager who
 * launched the handover, the person who decided the book goes back after a leave), else the signed-in person,
 * else Baton: the lead's history entry names them as the audit trail does (found by the session 36 review:
 * the history showed a handover's moves as Baton's own while the audit named the launcher).
 */
@Service
public class LeadTransfers {

    /** The statuses in which a lead still needs its owner. */
    static final List<LeadStatus> OPEN = List.of(LeadStatus.NEW, LeadStatus.WORKING);

    /**
     * An open lead in words: the person and company, its open step ("First touch" while NEW, "Work
     * lead" while WORKING), its owner's user name and full name, and the lead page's path.
     */
    public record OpenLead(
            long id,
            String personName,
            String company,
            LeadStatus status,
            String step,
            String ownerUsername,
            String ownerName,
            String link) {

        static OpenLead of(Lead l) {
            return new OpenLead(
                    l.getId(),
                    l.getPersonName(),
                    l.getCompany(),
                    l.getStatus(),
                    l.getStatus() == LeadStatus.NEW ? "First touch" : "Work lead",
                    l.getOwner().getUsername(),
                    l.getOwner().getFullName(),
                    "/leads/" + l.getId());
        }
    }

    /**
     * A lead moved by {@link #handOver}: the lead as it now stands (owned by the new owner, whose
     * person id is {@code toId}), and the user name it came from.
     */
    public record Moved(OpenLead lead, String from, long toId) {}

    private final Leads leads;
    private final LeadFollowUp followUp;
    private final LeadAssignment assignment;
    private final TaskAssignments tasks;
    private final ApplicationEventPublisher events;
    private final PeopleLookup people;

    LeadTransfers(
            Leads leads,
            LeadFollowUp followUp,
            LeadAssignment assignment,
            TaskAssignments tasks,
            ApplicationEventPublisher events,
            PeopleLookup people) {
        this.people = people;
        this.leads = leads;
        this.followUp = followUp;
        this.assignment = assignment;
        this.tasks = tasks;
        this.events = events;
    }

    /** The person's leads that are NEW or WORKING, oldest first. */
    @Transactional(readOnly = true)
    public List<OpenLead> openOwnedBy(Person owner) {
        return leads.findByOwnerIdAndStatusInOrderById(owner.getId(), OPEN).stream()
                .map(OpenLead::of)
                .toList();
    }

    /**
     * The leads {@code ids} as they stand now, whoever owns them and whatever their status (a lead closed
     * since keeps the status it has: {@link OpenLead#status}), in id order; an id with no lead, or a lead
     * with no owner, is left out. For telling someone where the leads {@link #handOver} moved are now (a
     * canceled handover's mail).
     */
    @Transactional(readOnly = true)
    public List<OpenLead> asTheyStand(Collection<Long> ids) {
        return leads.findAllById(ids).stream()
                .filter(l -> l.getOwner() != null)
                .sorted(Comparator.comparing(Lead::getId))
                .map(OpenLead::of)
                .toList();
    }

    /**
     * Moves every open lead of {@code from}: to {@code successor} when given, else to whom the lead
     * playbook's assignment would give it (territory, else round-robin in the sales teams; never
     * {@code from}, nobody away or inactive). A lead nobody can take stays with {@code from} (the
     * caller's orphan check shows it). Each move is kept in the lead's history with {@code why}
     * (e.g. "Rob Miller's handover"), by whom the caller works for (see the class), its open task moves too, and an untouched lead's process is
     * told to start its first-touch step again for the new owner (after commit; the due time as the
     * class says): that new step's "New task" is the only mail about it, the step that moved mails nobody; a worked lead's step
     * mails its new owner, and {@code from} no "Task moved" (they are handing their book over). Idempotent: a second call finds nothing left with {@code from}.
     *
     * @return the leads moved
     */
    @Transactional
    public List<Moved> handOver(Person from, Person successor, String why) {
        Person by = mover();
        List<Moved> moved = new ArrayList<>();
        for (Lead lead : leads.findByOwnerIdAndStatusInOrderById(from.getId(), OPEN)) {
            Optional<LeadAssignment.Choice> to = successor != null
                    ? Optional.of(new LeadAssignment.Choice(successor, "successor of the book"))
                    : assignment
                            .choose(lead, from)
                            .filter(c -> !c.owner().getId().equals(from.getId()));
            if (to.isEmpty()) {
                continue;
            }
            Person owner = to.get().owner();
            move(
                    lead,
                    from,
                    owner,
                    why + ": handed over from " + from.getFullName() + " to " + owner.getFullName() + " ("
                            + to.get().how() + ")",
                    by,
                    true);
            moved.add(new Moved(OpenLead.of(lead), from.getUsername(), owner.getId()));
        }
        return moved;
    }

    /**
     * Gives a lead that {@link #handOver} moved back to {@code to} (a leave of absence whose
     * ownership returns): only while it is still open (new or being worked) and still with the person
     * it went to ({@code heldById}); a lead closed or moved again since stays where it is. The move is
     * kept in the lead's history with {@code why}, its open task moves too, and an untouched lead's
     * first-touch step starts again (the due time as the class says). Idempotent: a second call finds
     * the lead with {@code to} already.
     *
     * @return whether the lead moved
     */
    @Transactional
    public boolean giveBack(long leadId, long heldById, Person to, String why) {
        Optional<Lead> found = leads.findById(leadId)
                .filter(l -> OPEN.contains(l.getStatus())
                        && l.getOwner() != null
                        && l.getOwner().getId() == heldById);
        if (found.isEmpty()) {
            return false;
        }
        Lead lead = found.get();
        Person holder = lead.getOwner();
        move(
                lead,
                holder,
                to,
                why + ": given back from " + holder.getFullName() + " to " + to.getFullName(),
                mover(),
                false);
        return true;
    }

    /** Who a move is done by (see the class): the person of the audit's actor, null for Baton. */
    private Person mover() {
        String actor = AuditLog.currentActor();
        return AuditLog.SYSTEM.equals(actor) ? null : people.byUsername(actor).orElse(null);
    }

    /**
     * The lead and its open step go to {@code to}. An untouched lead's first-touch step moves without a
     * mail: its process is told to start the step again for the new owner, and that new step's "New task"
     * is the one mail they get (the moved step is cancelled as it arrives, so a mail about the move would be
     * a second "New task" to the new owner and a "Task moved" to the previous one about a step that is gone).
     * A lead being worked keeps its step, which moves with a "New task" to the new owner and, unless
     * {@code from} is handing their book over ({@code handover}: as for the accounts' tasks a handover
     * moves), a "Task moved" to them.
     */
    private void move(Lead lead, Person from, Person to, String summary, Person by, boolean handover) {
        followUp.moveTo(lead, to, summary, by);
        boolean stepStartsAgain = lead.getStatus() == LeadStatus.NEW;
        tasks.handOverOpenAbout(
                from.getUsername(),
                to.getUsername(),
                new TaskSubject(LeadTaskSubject.SUBJECT_TYPE, lead.getId()),
                stepStartsAgain,
                handover);
        if (stepStartsAgain) {
            events.publishEvent(new LeadEvents.OwnerChanged(lead.getId(), lead.getAssignmentCount()));
        }
    }
}
