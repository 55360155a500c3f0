package dev.baton.people;

import dev.baton.audit.ActorNames;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The audit page's names for the people who did things: {@link PeopleLookup#fullNames}, {@link PeopleDirectory#everyone}. */
@Component
class AuditActorNames implements ActorNames {

    private final PeopleLookup lookup;
    private final PeopleDirectory directory;

    AuditActorNames(PeopleLookup lookup, PeopleDirectory directory) {
        this.lookup = lookup;
        this.directory = directory;
    }

    @Override
    public Map<String, String> fullNames(Collection<String> usernames) {
        return lookup.fullNames(usernames).byUsername();
    }

    @Override
    public Map<String, String> everyone() {
        List<PeopleDirectory.Entry> people = directory.everyone();
        Map<String, Long> namesakes =
                people.stream().collect(Collectors.groupingBy(PeopleDirectory.Entry::fullName, Collectors.counting()));
        Function<PeopleDirectory.Entry, String> label = p -> p.fullName()
                + (namesakes.get(p.fullName()) > 1 ? " (" + p.username() + ")" : "")
                + (p.active() ? "" : " (inactive)");
        Map<String, String> everyone = new LinkedHashMap<>();
        people.forEach(p -> everyone.put(p.username(), label.apply(p)));
        return everyone;
    }
}
