package dev.baton.people;

import dev.baton.shared.Dates;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one rule for "is leaving (or being handed over) as of today": such a person takes no new
 * accounts, leads, commitments or cover duty, which would be orphaned on their leaving day. What
 * they hold already stays with them; moving it is the handover's job.
 */
@Component
public class Leavers {

    private final ObjectProvider<Departures> departures;
    private final Dates dates;

    Leavers(ObjectProvider<Departures> departures, Dates dates) {
        this.departures = departures;
        this.dates = dates;
    }

    /**
     * Why {@code person} may take no new work, as a sentence about them: "Rob Jansen is being handed
     * over" while a handover of theirs runs, "Rob Jansen is leaving the company on Thu 10 Dec 2026"
     * after a completed handover for leaving until that day has passed (where they are). Empty when
     * neither holds.
     */
    public Optional<String> leaving(Person person) {
        Departures.Standing standing = standingOf(person);
        if (standing.beingHandedOver()) {
            return Optional.of(person.getFullName() + " is being handed over");
        }
        return Optional.ofNullable(standing.leavingOn())
                .map(day -> person.getFullName() + " is leaving the company on " + dates.day(day));
    }

    /** True while a handover of {@code person} runs (launched and not ended): it moves what they own. */
    public boolean isBeingHandedOver(Person person) {
        return standingOf(person).beingHandedOver();
    }

    /**
     * True when a handover of {@code person}'s book moved account {@code accountId} away from them
     * ({@link Departures#movedAwayFrom}): whoever took it over holds the customer relationship now.
     */
    public boolean handedOver(Person person, long accountId) {
        return departures.orderedStream().anyMatch(d -> d.movedAwayFrom(person, accountId));
    }

    /** Every implementation's answer in one: handed over by any, leaving on the latest day any says. */
    private Departures.Standing standingOf(Person person) {
        List<Departures.Standing> all =
                departures.orderedStream().map(d -> d.standingOf(person)).toList();
        return new Departures.Standing(
                all.stream().anyMatch(Departures.Standing::beingHandedOver),
                all.stream()
                        .map(Departures.Standing::leavingOn)
                        .filter(Objects::nonNull)
                        .max(LocalDate::compareTo)
                        .orElse(null));
    }

    /**
     * Those among {@code people} who take no new work ({@link #leaving}), by id, in a few queries however
     * many they are.
     */
    public Set<Long> leavingAmong(Collection<Person> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        Set<Long> leaving = new HashSet<>();
        departures.orderedStream().forEach(d -> leaving.addAll(d.departingAmong(people)));
        return leaving;
    }
}
