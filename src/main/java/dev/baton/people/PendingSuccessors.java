package dev.baton.people;

import java.util.Optional;
import java.util.Set;

/**
 * A person a running handover is still to move accounts to keeps what the handover's successor rule
 * asks of them: a change of their roles, team or manager that the rule would refuse is refused, as their
 * deactivation is ({@link OwnedWork}), so that the transfer step does not find them unfit later (found by
 * session 47's probe: a pending successor made customer success in another manager's line, and the
 * account still went to her). The handover module implements it with its one successor rule; people
 * asks it without depending on handover.
 */
public interface PendingSuccessors {

    /**
     * Why {@code person} may not have these roles, team and manager while a starting or running handover
     * is still to move accounts to them.
     *
     * @param person the person as they are now
     * @param roles the roles they would have
     * @param team the team they would be in (null: none)
     * @param manager the manager they would report to (null: none, or someone not in Baton yet)
     * @return the field the handover's rule refuses ({@code roles}, {@code teamId} or {@code managerId})
     *     and why, naming the person, the handover and its rule; empty when no such handover refuses it
     */
    Optional<Refusal> whyNotChange(Person person, Set<Role> roles, Team team, Person manager);

    /** A refused change: the field and why, in words. */
    record Refusal(String field, String problem) {}
}
