package dev.baton.people;

import java.util.Set;

/**
 * Domain events the people feature publishes inside its transactions, delivered to other features after commit
 * through the event publication registry (again after a crash, until their listener has finished).
 */
public final class PeopleEvents {

    private PeopleEvents() {}

    /**
     * Who the active members of these teams are may have changed: someone joined or left one of them, was
     * deactivated or made active again, by the API ({@link PeopleService#create}, {@link PeopleService#update},
     * {@link PeopleService#deactivate}) or a people import ({@link PeopleImports#upsertPeople}). A team may be
     * named though nothing changed for it (an import names every team its rows touch): a listener reads the
     * teams as they are now. {@code by} is who made the change ({@code AuditLog.currentActor()} in its
     * transaction), for the listeners to audit their work in that person's name.
     *
     * @param teamKeys the keys of the teams, at least one
     */
    public record TeamMembersChanged(Set<String> teamKeys, String by) {}
}
