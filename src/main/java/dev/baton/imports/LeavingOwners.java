package dev.baton.imports;

import dev.baton.people.Leavers;
import dev.baton.people.PeopleImports.PersonRef;
import dev.baton.people.PeopleLookup;
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

    LeavingOwners(PeopleLookup people, Leavers leavers) {
        this.people = people;
        this.leavers = leavers;
    }

    /** The reason as a sentence about the person ("Rob Jansen is leaving the company on ..."); empty when none. */
    Optional<String> leaving(PersonRef owner, ImportRun run) {
        return run.leaving.computeIfAbsent(owner.id(), id -> people.byId(id).flatMap(leavers::leaving));
    }
}
