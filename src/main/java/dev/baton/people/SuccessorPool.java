package dev.baton.people;

import java.util.List;

/**
 * Who may take over a book in a handover, and whose book may be handed over, as the handover feature
 * decides it (its launch plan, its amendments and its "Choose successor" step use the same rule, and
 * the launch the same refusals): the people type-ahead offers exactly them. The handover module
 * implements it; people asks it without depending on handover.
 */
public interface SuccessorPool {

    /**
     * The people who may take over the accounts of {@code departing} in a handover {@code viewer}
     * launches, or of the running handover {@code handoverId} (by the rules of its launch, whoever
     * asks), sorted by name. Exactly one of the two is given.
     *
     * @param departing the user name of the person whose book would be handed over, or null
     * @param handoverId the id of a handover, or null
     * @throws dev.baton.shared.BadRequestException naming {@code departing} or {@code handover} when
     *     neither or both are given, or the person or handover does not exist
     * @throws org.springframework.security.access.AccessDeniedException when {@code viewer} may not hand
     *     over {@code departing}, or may not see the handover
     */
    List<Person> successors(Person viewer, String departing, Long handoverId);

    /**
     * The people {@code viewer} may hand over now, sorted by name: active, in their line (anyone but
     * admins for an admin), neither being handed over nor still to receive accounts in a running
     * handover (the launch refuses both with a 409), and owning something to hand over (an account, an
     * open commitment or an open task: the launch refuses the others with a 400).
     */
    List<Person> handable(Person viewer);
}
