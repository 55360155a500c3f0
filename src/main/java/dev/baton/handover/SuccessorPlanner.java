package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.shared.BadRequestException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Turns a {@link SuccessorPlan} into a successor per account (none where the plan leaves it open). */
@Component
class SuccessorPlanner {

    private final People people;
    private final SuccessorRules rules;
    private final Book book;

    SuccessorPlanner(People people, SuccessorRules rules, Book book) {
        this.people = people;
        this.rules = rules;
        this.book = book;
    }

    /** Throws {@link BadRequestException} for an unusable plan; nothing has changed yet then. */
    Map<Long, Person> plan(SuccessorPlan plan, Person departing, List<Account> accounts) {
        Map<Long, Person> successors = new HashMap<>();
        SuccessorPlan.Mode mode = plan == null || plan.mode() == null ? SuccessorPlan.Mode.PER_ACCOUNT : plan.mode();
        switch (mode) {
            case ONE -> {
                Person one = usable(plan.successorId(), departing, "plan.successorId");
                accounts.forEach(a -> successors.put(a.getId(), one));
            }
            case PER_ACCOUNT -> {
                Map<Long, Long> chosen = plan == null ? Map.of() : plan.perAccount();
                List<Long> book = accounts.stream().map(Account::getId).toList();
                chosen.forEach((accountId, personId) -> {
                    if (!book.contains(accountId)) {
                        throw new BadRequestException(
                                "plan.perAccount",
                                "account " + accountId + " is not in " + departing.getUsername() + "'s book");
                    }
                    successors.put(accountId, usable(personId, departing, "plan.perAccount"));
                });
            }
            case BALANCE_TEAM -> balance(candidates(plan.teamId(), departing), accounts, successors);
            case TERRITORY ->
                accounts.forEach(a -> byTerritory(a, departing).ifPresent(p -> successors.put(a.getId(), p)));
        }
        return successors;
    }

    private Person usable(Long personId, Person departing, String field) {
        if (personId == null) {
            throw new BadRequestException(field, "a successor is required");
        }
        Person successor = people.findById(personId)
                .orElseThrow(() -> new BadRequestException(field, "person " + personId + " does not exist"));
        rules.problem(successor, departing).ifPresent(problem -> {
            throw new BadRequestException(field, problem);
        });
        return successor;
    }

    /** Active reps and CS people of the team (the departing person's by default), not being handed over. */
    private List<Person> candidates(Long teamId, Person departing) {
        Long team = teamId != null
                ? teamId
                : departing.getTeam() == null ? null : departing.getTeam().getId();
        List<Person> members = people.findAll().stream()
                .filter(p -> p.getTeam() != null && Objects.equals(p.getTeam().getId(), team))
                .filter(p -> p.hasRole(Role.REP) || p.hasRole(Role.CS))
                .filter(p -> rules.problem(p, departing).isEmpty())
                .toList();
        if (members.isEmpty()) {
            throw new BadRequestException("plan.teamId", "the team has nobody else who can take over accounts");
        }
        return members;
    }

    /** Greedy: each account to whoever holds the fewest accounts, counting what this plan gives them. */
    private void balance(List<Person> candidates, List<Account> accounts, Map<Long, Person> successors) {
        Map<Person, Long> load = new HashMap<>();
        candidates.forEach(p -> load.put(p, book.accountCount(p)));
        for (Account account : accounts) {
            Person lightest = candidates.stream()
                    .min(Comparator.comparingLong((Person p) -> load.get(p)).thenComparing(Person::getUsername))
                    .orElseThrow();
            successors.put(account.getId(), lightest);
            load.merge(lightest, 1L, Long::sum);
        }
    }

    private Optional<Person> byTerritory(Account account, Person departing) {
        if (account.getTerritory() == null) {
            return Optional.empty();
        }
        return book.ownersInTerritory(account.getTerritory()).stream()
                .filter(p -> rules.problem(p, departing).isEmpty())
                .findFirst();
    }
}
