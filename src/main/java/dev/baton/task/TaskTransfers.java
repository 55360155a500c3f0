package dev.baton.task;

import dev.baton.people.OwnedWork;
import dev.baton.people.Person;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open tasks as owned work: a person who still has some cannot be deactivated (so no task waits on
 * someone who has left), and a handover's orphan check looks for them. Moving them is a
 * reassignment ({@link TaskAssignments#handOverOpen}).
 */
@Service
@Order(3)
public class TaskTransfers implements OwnedWork {

    private static final int ID_CHUNK = 1000;

    private final Tasks tasks;

    TaskTransfers(Tasks tasks) {
        this.tasks = tasks;
    }

    /** Open task ids assigned to the person, for a handover's orphan check. */
    @Transactional(readOnly = true)
    public List<Long> openAssignedTo(String username) {
        return openOf(username).stream().map(Task::getId).toList();
    }

    /** The person's open tasks, soonest due first, for naming what a handover left behind. */
    @Transactional(readOnly = true)
    public List<Task> openOf(String username) {
        return tasks.findByAssigneeAndStatusOrderByDueAtAsc(username, TaskStatus.OPEN);
    }

    @Override
    @Transactional(readOnly = true)
    public long countOwnedBy(Person person) {
        return tasks.countByAssigneeAndStatus(person.getUsername(), TaskStatus.OPEN);
    }

    /**
     * How many of the person's open tasks ({@link #openOf}) are on none of the accounts {@code accountIds}
     * (about no account, or another's): what a handover of that book leaves in their name. Counted in the
     * database, nothing loaded: all of them less those on the accounts, a count per {@value #ID_CHUNK} ids
     * (a statement's parameters are bounded, a book is not).
     */
    @Transactional(readOnly = true)
    public long countOpenNotOn(Person person, Collection<Long> accountIds) {
        long on = 0;
        List<Long> ids = List.copyOf(accountIds);
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            on += tasks.countOpenByAssigneeOnAccounts(
                    person.getUsername(), ids.subList(from, Math.min(ids.size(), from + ID_CHUNK)));
        }
        return countOwnedBy(person) - on;
    }

    /** Those among {@code people} who hold at least one open task ({@link #countOwnedBy}), by id, in one query. */
    @Transactional(readOnly = true)
    public Set<Long> holdersAmong(Collection<Person> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        Set<String> holding = Set.copyOf(tasks.findAssigneesAmong(
                people.stream().map(Person::getUsername).toList(), TaskStatus.OPEN));
        return people.stream()
                .filter(p -> holding.contains(p.getUsername()))
                .map(Person::getId)
                .collect(Collectors.toSet());
    }

    @Override
    public String noun() {
        return "open tasks";
    }
}
