package dev.baton.task;

import dev.baton.people.PeopleByName;
import dev.baton.people.Person;
import dev.baton.people.TeamService;
import dev.baton.shared.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who the model names for a step, in Baton's people: an assignee or candidate user is a user name
 * or an e-mail address (how Camunda SaaS names users), matched ignoring case; a candidate group is
 * a team key. What cannot be used (unknown, inactive) is left out and said in the reason, so a task
 * is never silently invisible: it goes to its candidates, or with nobody left to the admins'
 * unassigned queue. A step offered only to teams with no active member, with no assignee or candidate
 * user, goes there too ("offered to team ..., which has no active member"): nobody could see or claim it,
 * and with no due date nobody would ever be told (probe 46).
 */
@Component
class TaskPeople {

    /**
     * @param assignee an active person's user name, or null
     * @param reason what the model named that could not be used, or null when everything could
     * @param waitingFor the teams the step waits for in the admins' unassigned work (offered only to them, none
     *     with an active member: {@link UnstaffedTeamSteps} offers it to them again once one has); empty: none
     * @param reasonOnceStaffed what {@code reason} says besides those teams, the reason it keeps when it goes back
     *     to them; null for nothing
     */
    record Resolved(
            String assignee,
            Set<String> candidateUsers,
            Set<String> candidateGroups,
            String reason,
            Set<String> waitingFor,
            String reasonOnceStaffed) {

        /** Waiting for no team. */
        Resolved(String assignee, Set<String> candidateUsers, Set<String> candidateGroups, String reason) {
            this(assignee, candidateUsers, candidateGroups, reason, Set.of(), null);
        }
    }

    private final PeopleByName people;
    private final TeamService teams;

    TaskPeople(PeopleByName people, TeamService teams) {
        this.people = people;
        this.teams = teams;
    }

    Resolved resolve(TaskSpec spec) {
        List<String> problems = new ArrayList<>();
        String assignee = spec.assignee() == null ? null : active(spec.assignee(), "assignee", problems);
        Set<String> users = new LinkedHashSet<>();
        spec.candidateUsers()
                .forEach(u -> Optional.ofNullable(active(u, "candidate user", problems))
                        .ifPresent(users::add));
        Set<String> groups = new LinkedHashSet<>();
        // one query for all of the step's teams, not one per team
        Map<String, String> known = teams.namesByKey(spec.candidateGroups());
        for (String group : spec.candidateGroups()) {
            if (known.containsKey(group)) {
                groups.add(group);
            } else {
                problems.add("candidate group '" + group + "' is no team");
            }
        }
        if (assignee == null
                && users.isEmpty()
                && !groups.isEmpty()
                && teams.staffed(groups).isEmpty()) {
            // nobody could see or claim it: the admins' unassigned work, saying why, until one of them has someone
            List<String> said = List.of(unstaffed(groups, known));
            return new Resolved(null, users, Set.of(), reason(problems, said), groups, reason(problems, List.of()));
        }
        if (assignee == null && users.isEmpty() && groups.isEmpty() && problems.isEmpty()) {
            problems.add("the step names no assignee, candidate users or candidate groups");
        }
        return new Resolved(assignee, users, groups, reason(problems, List.of()));
    }

    /**
     * {@code first} then {@code then}, joined by "; "; null for none. task.unassigned_reason holds 1,000 characters:
     * a model naming dozens of unknown people would otherwise fail the step's delivery on every retry. Clipping adds
     * "… (n characters)", so what comes first is kept whole.
     */
    static String reason(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all.isEmpty() ? null : Text.clip(String.join("; ", all), 960);
    }

    /**
     * Why a step offered only to {@code groups} (none with an active member) waits in the admins' unassigned work,
     * for a step on its way ({@link #resolve}) and one whose teams' last active member left ({@link
     * UnstaffedTeamSteps}).
     */
    String unstaffed(Set<String> groups) {
        return unstaffed(groups, teams.namesByKey(groups));
    }

    /** "offered to team Ghost ('ghost'), which has no active member", naming each team by name and key. */
    private static String unstaffed(Set<String> groups, Map<String, String> names) {
        List<String> named = groups.stream()
                .sorted()
                .map(key -> names.get(key) + " ('" + key + "')")
                .toList();
        return named.size() == 1
                ? "offered to team " + named.getFirst() + ", which has no active member"
                : "offered to teams " + String.join(" and ", named) + ", none of which has an active member";
    }

    /** The person by user name or e-mail address ({@link PeopleByName}), active or not. */
    Optional<Person> find(String nameOrEmail) {
        return people.find(nameOrEmail);
    }

    private String active(String named, String role, List<String> problems) {
        Optional<Person> person = find(named);
        Optional<String> problem = cannotAct(person, named, role);
        if (problem.isPresent()) {
            problems.add(problem.get());
            return null;
        }
        return person.orElseThrow().getUsername();
    }

    /**
     * Why {@code person}, named {@code named} as the step's {@code role}, cannot act on it: unknown
     * ("assignee 'x' is unknown") or inactive, by full name with the name as given ("assignee Dana
     * Departing ('dana') is inactive", to find it in the model); empty for an active person.
     */
    static Optional<String> cannotAct(Optional<Person> person, String named, String role) {
        if (person.isEmpty()) {
            return Optional.of(role + " '" + named + "' is unknown");
        }
        if (!person.get().isActive()) {
            return Optional.of(role + " " + person.get().getFullName() + " ('" + named + "') is inactive");
        }
        return Optional.empty();
    }
}
