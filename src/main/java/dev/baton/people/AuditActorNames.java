package dev.baton.people;

import dev.baton.audit.ActorNames;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The audit page's names for the people who did things: {@link PeopleLookup#fullNames}. */
@Component
class AuditActorNames implements ActorNames {

    private final PeopleLookup lookup;

    AuditActorNames(PeopleLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Map<String, String> fullNames(Collection<String> usernames) {
        return lookup.fullNames(usernames).byUsername();
    }
}
