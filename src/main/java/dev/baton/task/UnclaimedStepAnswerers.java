package dev.baton.task;

import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.Role;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Who answers for a step offered to teams (or people by name) that nobody has claimed by its due date:
 * the one rule of who is told it is overdue, as the assignee's manager is for a step somebody holds.
 * Teams in Baton have no lead of their own, so the reporting lines decide: the managers of the people
 * it is offered to, each the nearest <i>active</i> one up that person's line. A candidate who manages
 * other candidates answers for them (a team lead inside the team): their own manager is not told about
 * the team's step. With nobody there (no active candidate has an active manager), the active admins,
 * who answer for the unassigned work. Never someone deactivated.
 *
 * <p>The managers it names for a step are told once it is overdue ({@link TaskMails#teamEscalation}), and
 * may open it from that mail, read it and assign it to one of its candidates while nobody has claimed it
 * ({@link #answers}): getting the team's work done is their job, though they are in no team it is offered to.
 */
final class UnclaimedStepAnswerers {

    private UnclaimedStepAnswerers() {}

    /**
     * @param people the people told, by user name; empty when nobody is there (no admin either)
     * @param admins whether they are the admins (nobody it is offered to has an active manager)
     */
    record Answerers(List<Person> people, boolean admins) {}

    /**
     * The answerers by the rule above.
     *
     * @param candidates the active people the step is offered to
     * @param managerAbove the nearest active manager above a person (empty for none)
     * @param admins the active admins, asked only when no manager is found
     */
    static Answerers of(
            Collection<Person> candidates,
            Function<Person, Optional<Person>> managerAbove,
            Supplier<List<Person>> admins) {
        Map<Long, Person> managerOf = new LinkedHashMap<>();
        for (Person c : candidates) {
            managerAbove.apply(c).ifPresent(m -> managerOf.put(c.getId(), m));
        }
        Set<Long> candidateIds = candidates.stream().map(Person::getId).collect(Collectors.toSet());
        Set<Long> leads = managerOf.values().stream()
                .map(Person::getId)
                .filter(candidateIds::contains)
                .collect(Collectors.toSet());
        Map<Long, Person> told = new LinkedHashMap<>();
        managerOf.forEach((candidate, manager) -> {
            if (!leads.contains(candidate)) {
                told.putIfAbsent(manager.getId(), manager);
            }
        });
        if (!told.isEmpty()) {
            return new Answerers(byUsername(told.values()), false);
        }
        return new Answerers(byUsername(admins.get()), true);
    }

    /**
     * The answerers of {@code task} by the rule above: its active candidates (members of its candidate teams and
     * its candidate users, {@link PeopleLookup#activeInTeamsOrNamed}), each one's nearest active manager ({@link
     * PeopleLookup#activeManagerAbove}), else the active admins. Reads the managers lazily: call inside a
     * transaction.
     */
    static Answerers of(Task task, PeopleLookup people) {
        return of(
                people.activeInTeamsOrNamed(task.getCandidateGroups(), task.getCandidateUsers()),
                people::activeManagerAbove,
                () -> people.activeWithRole(Role.ADMIN));
    }

    /**
     * Whether {@code username} is one of the managers who answer for {@code task} now: it is open, offered to
     * teams or people, nobody has claimed it, and the rule names them (not the admins' fallback: an admin sees
     * every task anyway). Call inside a transaction.
     */
    static boolean answers(Task task, String username, PeopleLookup people) {
        if (task.getStatus() != TaskStatus.OPEN
                || task.getAssignee() != null
                || (task.getCandidateGroups().isEmpty()
                        && task.getCandidateUsers().isEmpty())) {
            return false;
        }
        Answerers answerers = of(task, people);
        return !answerers.admins()
                && answerers.people().stream().anyMatch(p -> p.getUsername().equals(username));
    }

    private static List<Person> byUsername(Collection<Person> people) {
        return people.stream().sorted(Comparator.comparing(Person::getUsername)).toList();
    }
}
