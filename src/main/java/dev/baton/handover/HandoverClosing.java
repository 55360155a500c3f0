package dev.baton.handover;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.people.Person;
import dev.baton.shared.NotFoundException;
import dev.baton.task.TaskTransfers;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The end of a handover: nothing left behind, the summary, and (after a leave) who keeps the book. */
@Service
public class HandoverClosing {

    /** What the departing person still owns, including work created while the handover ran. */
    public record Orphans(int accounts, int commitments, int tasks, int leads) {
        public int total() {
            return accounts + commitments + tasks + leads;
        }
    }

    /**
     * The process variable naming who answered "Decide ownership after leave": set by Baton as that
     * step completes ({@code HandoverTaskAnswers}), never taken from the form, for {@link #settleLeave}.
     */
    public static final String OWNERSHIP_DECIDED_BY = "ownershipDecidedBy";

    private final Handovers handovers;
    private final HandoverItems items;
    private final Book book;
    private final TaskTransfers tasks;
    private final BookTransfer transfer;
    private final HandoverMails mails;
    private final AuditLog audit;
    private final Clock clock;
    private final HandoverLeads leads;

    HandoverClosing(
            Handovers handovers,
            HandoverItems items,
            Book book,
            TaskTransfers tasks,
            BookTransfer transfer,
            HandoverMails mails,
            AuditLog audit,
            Clock clock,
            HandoverLeads leads) {
        this.leads = leads;
        this.handovers = handovers;
        this.items = items;
        this.book = book;
        this.tasks = tasks;
        this.transfer = transfer;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Orphans orphans(long handoverId) {
        Person departing = handover(handoverId).getDeparting();
        return new Orphans(
                book.accounts(departing).size(),
                book.openCommitments(departing).size(),
                tasks.openAssignedTo(departing.getUsername()).size(),
                book.openLeads(departing).size());
    }

    /**
     * The orphan check: open leads the departing person got while the handover ran move on first
     * (see {@link HandoverLeads}), then what is still left is counted. Safe to repeat.
     */
    @Transactional
    public Orphans check(long handoverId) {
        leads.move(handover(handoverId));
        return orphans(handoverId);
    }

    /** Marks the handover COMPLETED and queues the manager's summary; a second call changes nothing. */
    @Transactional
    public void complete(long handoverId) {
        Handover h = handover(handoverId);
        if (!h.complete(clock.instant())) {
            return;
        }
        Duration took = Duration.between(h.getCreatedAt(), h.getCompletedAt());
        mails.summary(h, items.findByHandoverIdOrderById(handoverId), HandoverViews.duration(took));
        audit.record(
                "handover.completed",
                "handover",
                handoverId,
                null,
                fields("status", "RUNNING"),
                fields("status", "COMPLETED", "seconds", took.toSeconds()));
    }

    /**
     * After a leave of absence: either the book goes back to the returning person (only what the
     * successor still holds from this handover: accounts, and leads still open), or it stays. The
     * first decision stands. The moves and the settlement carry out what a person decided at the step
     * "Decide ownership after leave", so the audit trail names that person ({@link
     * AuditLog#onBehalfOf}; ADR 014: engine work that carries out a person's decision is theirs), as the
     * handover's own moves name its launcher; the timer that brought the decision back only asked.
     *
     * @param returnOwnership true: the book goes back; false: the successors keep it
     * @param decidedBy the user name of who answered the decision step ({@link #OWNERSHIP_DECIDED_BY});
     *     null for a step completed before Baton recorded it, or around Baton: then {@code system}
     * @throws dev.baton.shared.NotFoundException for an unknown handover
     */
    @Transactional
    public void settleLeave(long handoverId, boolean returnOwnership, String decidedBy) {
        Handover h = handover(handoverId);
        if (!h.settleLeave(returnOwnership ? Handover.LeaveOutcome.RETURNED : Handover.LeaveOutcome.KEPT)) {
            return;
        }
        AuditLog.onBehalfOf(decidedBy, () -> {
            int leadsBack = 0;
            if (returnOwnership) {
                items.findByHandoverIdOrderById(handoverId)
                        .forEach(item -> transfer.giveBack(item.getAccount(), item.getSuccessor(), h.getDeparting()));
                leadsBack = leads.giveBack(h);
            }
            return audit.record(
                    "handover.leave-settled",
                    "handover",
                    handoverId,
                    null,
                    null,
                    fields("outcome", h.getLeaveOutcome().name(), "leadsGivenBack", leadsBack));
        });
    }

    private Handover handover(long id) {
        return handovers.findById(id).orElseThrow(() -> new NotFoundException("handover", id));
    }
}
