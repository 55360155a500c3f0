package dev.baton.handover;

import dev.baton.lead.LeadTransfers;
import dev.baton.people.Person;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departing person's open leads move with the handover, through the lead feature's own
 * reassignment ({@link LeadTransfers#handOver}): to the book's successor when the plan gives every
 * account to one person, else to whom the lead rules give each lead. Moved when the handover starts
 * (a lead's first-touch SLA cannot wait for the notes) and swept again before its orphan check.
 */
@Component
class HandoverLeads {

    private final LeadTransfers leads;
    private final HandoverItems items;

    HandoverLeads(LeadTransfers leads, HandoverItems items) {
        this.leads = leads;
        this.items = items;
    }

    /** Moves what the departing person still owns and counts it on the handover; 0 on a repeat. */
    @Transactional(propagation = Propagation.MANDATORY)
    int move(Handover h) {
        Person departing = h.getDeparting();
        int moved = leads.handOver(departing, bookSuccessor(h), departing.getFullName() + "'s handover")
                .size();
        h.leadsMoved(moved);
        return moved;
    }

    /** The one person every account goes to; null when the accounts are shared or some are undecided. */
    private Person bookSuccessor(Handover h) {
        List<Person> successors = items.findByHandoverIdOrderById(h.getId()).stream()
                .map(HandoverItem::getSuccessor)
                .toList();
        if (successors.isEmpty() || successors.contains(null)) {
            return null;
        }
        List<Long> ids = successors.stream().map(Person::getId).distinct().toList();
        return ids.size() == 1 ? successors.get(0) : null;
    }
}
