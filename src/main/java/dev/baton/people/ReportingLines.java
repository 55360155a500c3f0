package dev.baton.people;

import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "In X's line" and "may act for": the one definition behind every permission that depends on who
 * manages whom (accounts, commitments, handovers, task reassignment and task visibility).
 *
 * <p>The rule (DESIGN.md, Security: "managers see their team's work; only managers launch
 * handovers"; made precise by issue 14): a person is <em>in a manager's line</em> when the manager
 * is their manager, or their manager's manager, and so on up the reporting chain
 * ({@code person.manager_id}). Nobody is in their own line. <b>Teams do not count</b>: a team is a
 * candidate group for tasks (its members may claim what is offered to it), not a line of
 * authority; customer success, for instance, may report to a sales manager while being its own
 * team. See {@code src/docs/decisions/014-permissions.md}.
 */
@Service
public class ReportingLines {

    private final People people;

    ReportingLines(People people) {
        this.people = people;
    }

    /** Whether {@code person} reports to {@code manager} directly or through the chain (false for the same person). */
    @Transactional(readOnly = true)
    public boolean inLineOf(Person person, Person manager) {
        return !Objects.equals(person.getId(), manager.getId()) && line(manager).contains(person.getUsername());
    }

    /** The user names of everyone in the manager's line, active or not; empty for someone without reports. */
    @Transactional(readOnly = true)
    public Set<String> line(Person manager) {
        return Set.copyOf(people.findUsernamesInLineOf(manager.getId()));
    }

    /**
     * Whose runs {@code viewer} sees on the lists of runs that are about an owner's work (renewals, contact
     * reviews), by person id: their own and their line's; everyone's for an admin (then empty: no limit).
     * The handovers' list by the same rule ({@code HandoverVisibility}): a manager sees their line, an
     * admin all.
     *
     * @return the owners' ids, the viewer's among them; empty for an admin, meaning every owner
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Set<Long>> ownersWatchedBy(Person viewer) {
        if (viewer.hasRole(Role.ADMIN)) {
            return java.util.Optional.empty();
        }
        Set<Long> owners = new java.util.HashSet<>(people.findIdsInLineOf(viewer.getId()));
        owners.add(viewer.getId());
        return java.util.Optional.of(Set.copyOf(owners));
    }

    /**
     * Whether {@code actor} may act on work that {@code subject} owns: it is their own, the actor is
     * an admin, or the actor is a manager with the subject in their line.
     */
    @Transactional(readOnly = true)
    public boolean mayActFor(Person actor, Person subject) {
        return actor.hasRole(Role.ADMIN)
                || Objects.equals(actor.getId(), subject.getId())
                || (actor.hasRole(Role.MANAGER) && inLineOf(subject, actor));
    }

    /**
     * Whether {@code actor} may make {@code owner} responsible for new or moved work (an account, a
     * commitment): themselves, someone of their own team, someone in their line, a member of the
     * team that will deliver it ({@code deliveringTeam}, may be null), or anyone when the actor is an admin.
     */
    @Transactional(readOnly = true)
    public boolean mayGiveWorkTo(Person actor, Person owner, Team deliveringTeam) {
        return mayGiveWorkTo(actor, java.util.List.of(owner), deliveringTeam).contains(owner.getId());
    }

    /**
     * {@link #mayGiveWorkTo(Person, Person, Team)} for many owners at once, with one query for the actor's line:
     * the ids of those of {@code owners} the actor may give work the {@code deliveringTeam} delivers (null: no
     * team). What a type-ahead for the new owner of such work offers ({@link PeopleSuggestions.Purpose#ASSIGN}),
     * so that it offers nobody {@link #requireMayGiveWorkTo} then refuses.
     *
     * @return the ids, a subset of {@code owners}'
     */
    @Transactional(readOnly = true)
    public Set<Long> mayGiveWorkTo(Person actor, java.util.Collection<Person> owners, Team deliveringTeam) {
        Set<Long> whatever = mayGiveWorkToWhateverTeamDelivers(actor, owners);
        return owners.stream()
                .filter(owner -> whatever.contains(owner.getId()) || sameTeam(deliveringTeam, owner.getTeam()))
                .map(Person::getId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The part of {@link #mayGiveWorkTo} that does not depend on the delivering team: themselves, someone of
     * their own team, someone in their line, or anyone for an admin. Anyone else the actor may give work to
     * only as a member of the team that will deliver it, when {@link #mayGiveWorkTo} is asked with that team.
     */
    @Transactional(readOnly = true)
    public boolean mayGiveWorkToWhateverTeamDelivers(Person actor, Person owner) {
        return mayGiveWorkToWhateverTeamDelivers(actor, java.util.List.of(owner))
                .contains(owner.getId());
    }

    /**
     * {@link #mayGiveWorkToWhateverTeamDelivers} for many owners at once, with one query for the actor's line:
     * the ids of those of {@code owners} the actor may give work to whatever team delivers it. What a form
     * that names a new owner offers, so that it offers nobody {@link #requireMayGiveWorkTo} then refuses.
     *
     * @return the ids, a subset of {@code owners}'
     */
    @Transactional(readOnly = true)
    public Set<Long> mayGiveWorkToWhateverTeamDelivers(Person actor, java.util.Collection<Person> owners) {
        // the line is asked only of a manager who is no admin: an admin may give anyone work
        Set<String> line = actor.hasRole(Role.MANAGER) && !actor.hasRole(Role.ADMIN) ? line(actor) : Set.of();
        return owners.stream()
                .filter(owner -> actor.hasRole(Role.ADMIN)
                        || Objects.equals(actor.getId(), owner.getId())
                        || line.contains(owner.getUsername())
                        || sameTeam(actor.getTeam(), owner.getTeam()))
                .map(Person::getId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Throws unless {@link #mayActFor} holds.
     *
     * @param what what the actor wanted to do, as it follows "may not" ("move Acme GmbH")
     * @throws AccessDeniedException saying, by full name, who is not in whose line ("Rob Jansen is not
     *     in Ravi Patel's line: Ravi Patel may not move Acme GmbH")
     */
    public void requireMayActFor(Person actor, Person subject, String what) {
        if (!mayActFor(actor, subject)) {
            throw new AccessDeniedException(subject.getFullName() + " is not in " + actor.getFullName() + "'s line: "
                    + actor.getFullName() + " may not " + what);
        }
    }

    /**
     * Throws unless {@link #mayGiveWorkTo} holds.
     *
     * @param what the work, as it follows "give them" ("a commitment")
     * @throws AccessDeniedException saying, by full name, whose team or line the owner is not in
     */
    public void requireMayGiveWorkTo(Person actor, Person owner, Team deliveringTeam, String what) {
        if (!mayGiveWorkTo(actor, owner, deliveringTeam)) {
            throw new AccessDeniedException(owner.getFullName() + " is neither in " + actor.getFullName()
                    + "'s team or line nor in the delivering team: only their manager may give them " + what);
        }
    }

    private static boolean sameTeam(Team a, Team b) {
        return a != null && b != null && Objects.equals(a.getId(), b.getId());
    }
}
