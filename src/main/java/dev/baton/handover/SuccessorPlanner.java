package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.TeamService;
import dev.baton.shared.BadRequestException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link SuccessorPlan} into a successor per account (none where the plan leaves it open).
 * Per-account choices override the mode in every mode; the mode plans the remaining accounts. Every
 * successor is one of the eligible people ({@link SuccessorCandidates}).
 */
@Component
class SuccessorPlanner {

    private final PeopleService people;
    private final TeamService teams;
    private final Book book;

    SuccessorPlanner(PeopleService people, TeamService teams, Book book) {
        this.people = people;
        this.teams = teams;
        this.book = book;
    }

    /**
     * Throws {@link BadRequestException} naming the field ({@code plan.successorId}, {@code
     * plan.perAccount[accountId]}, {@code plan.teamId}) for an unusable plan; nothing has changed then.
     * Every bad {@code plan.perAccount} entry is named, in account id order, not only the first.
     *
     * @param eligible who may take over accounts (see {@link SuccessorCandidates#eligible})
     * @param why the reason a person is not eligible, for the refusal
     */
    Map<Long, Person> plan(
            SuccessorPlan plan,
            Person departing,
            List<Account> accounts,
            List<Person> eligible,
            Function<Person, String> why) {
        Map<Long, Person> successors = new HashMap<>();
        SuccessorPlan.Mode mode = plan == null || plan.mode() == null ? SuccessorPlan.Mode.PER_ACCOUNT : plan.mode();
        Map<Long, Long> chosen = plan == null ? Map.of() : plan.perAccount();
        List<Long> ids = accounts.stream().map(Account::getId).toList();
        Map<String, String> wrong = new LinkedHashMap<>();
        Map<Long, String> outside = outsideTheBook(chosen.keySet(), ids);
        new TreeMap<>(chosen).forEach((accountId, personId) -> {
            String field = "plan.perAccount[" + accountId + "]";
            if (!ids.contains(accountId)) {
                wrong.put(field, notInBookMessage(accountId, outside, departing));
                return;
            }
            try {
                successors.put(accountId, usable(personId, eligible, why, field));
            } catch (BadRequestException unusable) { // named with the others, not alone
                wrong.putAll(unusable.getFieldErrors());
            }
        });
        if (!wrong.isEmpty()) {
            throw new BadRequestException(wrong);
        }
        List<Account> rest = accounts.stream()
                .filter(a -> !successors.containsKey(a.getId()))
                .toList();
        switch (mode) {
            case ONE -> {
                if (!rest.isEmpty() || plan.successorId() != null) {
                    Person one = usable(plan.successorId(), eligible, why, "plan.successorId");
                    rest.forEach(a -> successors.put(a.getId(), one));
                }
            }
            case PER_ACCOUNT -> {}
            case BALANCE_TEAM -> {
                if (!rest.isEmpty()) {
                    balance(candidates(plan.teamId(), departing, eligible), rest, successors);
                }
            }
            case TERRITORY -> rest.forEach(a -> byTerritory(a, eligible).ifPresent(p -> successors.put(a.getId(), p)));
        }
        return successors;
    }

    /**
     * Throws {@link BadRequestException} naming every {@code introOptOut[i]} whose account id is not
     * in the departing person's book (each with the wording {@link #plan} uses for {@code
     * plan.perAccount}): a stale or mistyped id would be dropped silently while the client believed
     * that customer would get no mail, and a client fixing one should see all of them at once. An
     * account given again is named at each repeat ("repeats Acme GmbH (given at introOptOut[0])"): the
     * list is read as a set, and a repeat is a client's slip (a wrong id copied twice) it should hear of.
     * An id outside the book is named at its first index only: its repeats are the same error. Each null
     * is named at its index, "must not be null" ({@code [null, null, 5]}: Jackson's refusal of a null
     * named the first only). Accounts and people are named as people know them (account names, full
     * names); an id no account has is named "no account 9".
     */
    void requireInBook(List<Long> introOptOut, Person departing, List<Account> accounts) {
        Map<Long, String> inBook = accounts.stream().collect(Collectors.toMap(Account::getId, Account::getName));
        Map<Long, String> outside = outsideTheBook(introOptOut, inBook.keySet());
        Map<Long, Integer> first = new HashMap<>();
        Map<String, String> wrong = new LinkedHashMap<>();
        for (int i = 0; i < introOptOut.size(); i++) {
            Long id = introOptOut.get(i);
            if (id == null) {
                wrong.put("introOptOut[" + i + "]", "must not be null");
                continue;
            }
            Integer earlier = first.putIfAbsent(id, i);
            if (!inBook.containsKey(id)) {
                if (earlier == null) { // given again, it is the same error: named once, at its first index
                    wrong.put("introOptOut[" + i + "]", notInBookMessage(id, outside, departing));
                }
            } else if (earlier != null) {
                wrong.put(
                        "introOptOut[" + i + "]",
                        "repeats " + inBook.get(id) + " (given at introOptOut[" + earlier + "])");
            }
        }
        if (!wrong.isEmpty()) {
            throw new BadRequestException(wrong);
        }
    }

    /** The names of the accounts given that are not in the book but exist (someone else's). */
    private Map<Long, String> outsideTheBook(Collection<Long> given, Collection<Long> inBook) {
        return book.accountNames(given.stream()
                .filter(id -> id != null && id > 0) // an account's id is positive
                .filter(id -> !inBook.contains(id))
                .collect(Collectors.toSet()));
    }

    /** "Acme GmbH is not in Rob Jansen's book", or "no account 9" for an id no account has. */
    private static String notInBookMessage(Long accountId, Map<Long, String> names, Person departing) {
        String name = names.get(accountId);
        return name == null ? "no account " + accountId : name + " is not in " + departing.getFullName() + "'s book";
    }

    private Person usable(Long personId, List<Person> eligible, Function<Person, String> why, String field) {
        if (personId == null) {
            throw new BadRequestException(field, "a successor is required");
        }
        Person successor = people.referenced(personId, field);
        if (eligible.stream().noneMatch(p -> p.getId().equals(personId))) {
            throw new BadRequestException(field, why.apply(successor));
        }
        return successor;
    }

    /** The eligible members of the team (the departing person's by default); "no team 9" for an unknown one. */
    private List<Person> candidates(Long teamId, Person departing, List<Person> eligible) {
        teams.requireExists(teamId, "plan.teamId");
        Long team = teamId != null
                ? teamId
                : departing.getTeam() == null ? null : departing.getTeam().getId();
        List<Person> members = eligible.stream()
                .filter(p -> p.getTeam() != null && Objects.equals(p.getTeam().getId(), team))
                .toList();
        if (members.isEmpty()) {
            throw new BadRequestException("plan.teamId", "the team has nobody else who can take over accounts");
        }
        return members;
    }

    /** Greedy: each account to whoever holds the fewest accounts, counting what this plan gives them. */
    private void balance(List<Person> candidates, List<Account> accounts, Map<Long, Person> successors) {
        Map<Person, Long> load = new HashMap<>();
        candidates.forEach(p -> load.put(
                p,
                book.accountCount(p)
                        + successors.values().stream()
                                .filter(s -> s.getId().equals(p.getId()))
                                .count()));
        for (Account account : accounts) {
            Person lightest = candidates.stream()
                    .min(Comparator.comparingLong((Person p) -> load.get(p)).thenComparing(Person::getUsername))
                    .orElseThrow();
            successors.put(account.getId(), lightest);
            load.merge(lightest, 1L, Long::sum);
        }
    }

    private Optional<Person> byTerritory(Account account, List<Person> eligible) {
        if (account.getTerritory() == null) {
            return Optional.empty();
        }
        return book.ownersInTerritory(account.getTerritory()).stream()
                .filter(owner -> eligible.stream().anyMatch(p -> p.getId().equals(owner.getId())))
                .findFirst();
    }
}
