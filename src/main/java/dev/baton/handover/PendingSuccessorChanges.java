package dev.baton.handover;

import dev.baton.people.PendingSuccessors;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A change of a pending successor's record, judged by the successor rule of each handover still to move
 * accounts to them ({@link SuccessorCandidates#refusedAfterChange}, the rule its launch plan, amendments,
 * candidates and transfer step use). The remedy is the one a deactivation is told: choose another
 * successor for those accounts first.
 */
@Component
class PendingSuccessorChanges implements PendingSuccessors {

    private final HandoverItems items;
    private final Handovers handovers;
    private final SuccessorCandidates candidates;

    PendingSuccessorChanges(HandoverItems items, Handovers handovers, SuccessorCandidates candidates) {
        this.items = items;
        this.handovers = handovers;
        this.candidates = candidates;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Refusal> whyNotChange(Person person, Set<Role> roles, Team team, Person manager) {
        SuccessorCandidates.Shape as = new SuccessorCandidates.Shape(person.getId(), roles, team, manager);
        for (Object[] row : items.countIncomingToByHandover(person)) {
            long count = ((Number) row[1]).longValue();
            Handover h = handovers.findById(((Number) row[0]).longValue()).orElseThrow();
            Optional<Refusal> refused = candidates
                    .refusedAfterChange(as, h)
                    .map(r -> new Refusal(r.getKey(), problem(person, count, h, r.getValue())));
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** "Rita Okafor is the successor of 3 accounts of handover 1 (Rob Jansen's) still to move, and …: choose …". */
    private static String problem(Person person, long count, Handover h, String rule) {
        return person.getFullName() + " is the successor of " + count + (count == 1 ? " account" : " accounts")
                + " of handover " + h.getId() + " (" + h.getDeparting().getFullName() + "'s) still to move, and "
                + rule + ": choose another successor for " + (count == 1 ? "it" : "them") + " there first";
    }
}
