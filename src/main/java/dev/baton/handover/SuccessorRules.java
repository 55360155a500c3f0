package dev.baton.handover;

import dev.baton.people.Departures;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.Dates;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may inherit a book: someone else, active, not being handed over themselves, and not leaving
 * the company (a completed handover for leaving whose effective date has not passed: their book has
 * gone, and what they took on now would be orphaned on that day). As {@link Departures} it tells
 * cover, delegation and new owners who is being handed over or leaving.
 */
@Component
class SuccessorRules implements Departures {

    private final Handovers handovers;
    private final TimeZones zones;

    SuccessorRules(Handovers handovers, TimeZones zones) {
        this.handovers = handovers;
        this.zones = zones;
    }

    Optional<String> problem(Person successor, Person departing) {
        if (successor.getId().equals(departing.getId())) {
            return Optional.of(
                    successor.getFullName() + " is the person handing over and cannot be their own successor");
        }
        if (!successor.isActive()) {
            return Optional.of(successor.getFullName() + " is inactive and cannot take over accounts");
        }
        if (isLeaving(successor)) {
            return Optional.of(successor.getFullName() + " is being handed over too and cannot take over accounts");
        }
        Optional<LocalDate> leaves = handovers.leavingOn(successor, zones.today(successor));
        if (leaves.isPresent()) {
            return Optional.of(successor.getFullName() + " is leaving the company on " + Dates.calendarDay(leaves.get())
                    + " and cannot take over accounts");
        }
        return Optional.empty();
    }

    @Override
    public boolean isBeingHandedOver(Person person) {
        return isLeaving(person);
    }

    @Override
    public Optional<LocalDate> leavingOn(Person person) {
        return handovers.leavingOn(person, zones.today(person));
    }

    boolean isLeaving(Person person) {
        return handovers.isDepartingInOpenHandover(person);
    }
}
