package dev.baton.people;

import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Deactivating a person, told with its consequence for the playbook runs they launched: each acts
 * with its launcher's rights at its building blocks, and someone who has left has none, so those runs
 * stop at their next block (ADR 014). Whoever deactivates is warned before ({@link #runsThatWouldStop})
 * and told after ({@link #deactivate}), so they can relaunch the runs as someone who stays.
 */
@Service
public class Deactivations {

    /**
     * A deactivation's answer.
     *
     * @param person the person as now (inactive)
     * @param runsThatWillStop the running playbook runs they launched, which stop at their next
     *     building block (those that have met one since they left have stopped already), and those the
     *     engine did not answer about ({@link LaunchedRun#unchecked}), which do if they still run
     */
    public record Deactivation(PersonView person, List<LaunchedRun> runsThatWillStop) {}

    private final PeopleService people;
    private final PeopleLookup lookup;
    /** A provider: the playbook module, which implements it, depends on people. */
    private final ObjectProvider<LaunchedRuns> launchedRuns;

    Deactivations(PeopleService people, PeopleLookup lookup, ObjectProvider<LaunchedRuns> launchedRuns) {
        this.people = people;
        this.lookup = lookup;
        this.launchedRuns = launchedRuns;
    }

    /**
     * Deactivates the person as {@link PeopleService#deactivate} does (same rules, same refusals),
     * and lists the runs that stop because of it. The runs are listed first, so that a failure to list
     * them changes nothing.
     *
     * @param id the person's id
     * @return the person as now, and the runs they launched that will stop
     * @throws NotFoundException when nobody has that id
     * @throws ConflictException when the person may not be deactivated yet (see
     *     {@link PeopleService#deactivate}); nothing is changed
     */
    public Deactivation deactivate(long id) {
        List<LaunchedRun> runs = runsThatWouldStop(id);
        return new Deactivation(people.deactivate(id), runs);
    }

    /**
     * The warning before: the running playbook runs the person launched, which would stop at their
     * next building block once the person is deactivated ({@link LaunchedRuns#runningLaunchedBy}).
     *
     * @param id the person's id
     * @return the runs, oldest first, each running or of unknown state when the engine did not answer;
     *     empty when none (or when no playbook module runs)
     * @throws NotFoundException when nobody has that id
     */
    public List<LaunchedRun> runsThatWouldStop(long id) {
        String username = lookup.byId(id)
                .orElseThrow(() -> new NotFoundException("person", id))
                .getUsername();
        LaunchedRuns runs = launchedRuns.getIfAvailable();
        return runs == null ? List.of() : runs.runningLaunchedBy(username);
    }
}
