package dev.baton.imports;

import dev.baton.people.Leavers;
import dev.baton.people.PeopleImports.PersonRef;
import dev.baton.people.PeopleLookup;
import dev.baton.shared.AdvisoryLocks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Why an owner a row names may take no new work ({@link Leavers}: leaving the company or being handed
 * over), asked once per person and file; the account and commitment imports refuse such rows as the
 * API does, except for what the person owns already.
 */
@Component
class LeavingOwners {

    private final PeopleLookup people;
    private final Leavers leavers;
    private final AdvisoryLocks locks;

    LeavingOwners(PeopleLookup people, Leavers leavers, AdvisoryLocks locks) {
        this.people = people;
        this.leavers = leavers;
        this.locks = locks;
    }

    /**
     * A real import judges its owners after a handover launched at the same moment, not beside it: it
     * holds the people-and-handovers lock shared ({@link AdvisoryLocks#share}) from its first chunk to its
     * end, so a launch waits for the file, or the file for the launch. Without it, a file read the book
     * while the launch was uncommitted and then gave its account to someone else behind the handover,
     * or a new account to the person being handed over (the launch's row locks only made it wait). Call
     * before the chunk reads an owner or an account; harmless when held, a no-op for a dry run.
     */
    void holdAgainstLaunches(ImportRun run) {
        if (run.writing()) {
            locks.share(AdvisoryLocks.Subject.PEOPLE_AND_HANDOVERS);
        }
    }

    /** The reason as a sentence about the person ("Rob Jansen is leaving the company on ..."); empty when none. */
    Optional<String> leaving(PersonRef owner, ImportRun run) {
        return run.leaving.computeIfAbsent(owner.id(), id -> people.byId(id).flatMap(leavers::leaving));
    }
}
