package dev.baton.handover;

import dev.baton.people.Departures;
import dev.baton.people.Departures.Standing;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.Dates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may inherit a book: someone else, active, not being handed over themselves, and not leaving
 * the company (a completed handover for leaving whose effective date has not passed: their book has
 * gone, and what they took on now would be orphaned on that day). As {@link Departures} it tells
 * cover, delegation and new owners who is being handed over or leaving. Each rule is written once,
 * for a set of people ({@link #problems}); the forms for one person ask it about one.
 */
@Component
class SuccessorRules implements Departures {

    private final Handovers handovers;
    private final TimeZones zones;

    SuccessorRules(Handovers handovers, TimeZones zones) {
        this.handovers = handovers;
        this.zones = zones;
    }

    /** Why {@code successor} may not inherit {@code departing}'s book, in words naming them; empty when they may. */
    Optional<String> problem(Person successor, Person departing) {
        return Optional.ofNullable(problems(List.of(successor), departing).get(successor.getId()));
    }

    /**
     * {@link #problem} for many people, in one query however many they are (the candidate list of every
     * choose-successor form, plan preview and type-ahead keystroke), with the same answers; for one
     * person (a transfer's re-check, once per account) in one whose SQL Hibernate keeps.
     *
     * @return each refused person's problem by person id; the people missing from it may inherit
     */
    Map<Long, String> problems(Collection<Person> successors, Person departing) {
        Map<Long, String> problems = new HashMap<>();
        List<Person> asked = new ArrayList<>();
        for (Person p : successors) {
            if (p.getId().equals(departing.getId())) {
                problems.put(
                        p.getId(), p.getFullName() + " is the person handing over and cannot be their own successor");
            } else if (!p.isActive()) {
                problems.put(p.getId(), p.getFullName() + " is inactive and cannot take over accounts");
            } else {
                asked.add(p);
            }
        }
        Map<Long, Departure> departures = departures(asked);
        for (Person p : asked) {
            Departure d = departures.getOrDefault(p.getId(), Departure.NONE);
            if (d.underWay()) {
                problems.put(p.getId(), p.getFullName() + " is being handed over too and cannot take over accounts");
            } else {
                leavingDay(p, d)
                        .ifPresent(day -> problems.put(
                                p.getId(),
                                p.getFullName() + " is leaving the company on " + Dates.calendarDay(day)
                                        + " and cannot take over accounts"));
            }
        }
        return problems;
    }

    @Override
    public Standing standingOf(Person person) {
        Departure d = departures(List.of(person)).getOrDefault(person.getId(), Departure.NONE);
        return new Standing(d.underWay(), leavingDay(person, d).orElse(null));
    }

    @Override
    public Set<Long> departingAmong(Collection<Person> people) {
        Map<Long, Departure> departures = departures(people);
        Set<Long> departing = new HashSet<>();
        for (Person p : people) {
            Departure d = departures.getOrDefault(p.getId(), Departure.NONE);
            if (d.underWay() || leavingDay(p, d).isPresent()) {
                departing.add(p.getId());
            }
        }
        return departing;
    }

    @Override
    public boolean movedAwayFrom(Person person, long accountId) {
        return handovers.movedAwayFrom(person, accountId);
    }

    boolean isLeaving(Person person) {
        return !beingHandedOver(List.of(person)).isEmpty();
    }

    /** The ids of those among {@code people} whose handover is under way, in one query (none for nobody). */
    Set<Long> beingHandedOver(Collection<Person> people) {
        Set<Long> underWay = new HashSet<>();
        departures(people).forEach((id, d) -> {
            if (d.underWay()) {
                underWay.add(id);
            }
        });
        return underWay;
    }

    /**
     * Where a person stands: whether a handover of theirs is under way (launched and not ended), and the
     * latest effective date of their completed handovers for leaving (null for none).
     */
    private record Departure(boolean underWay, LocalDate lastLeavingDay) {

        static final Departure NONE = new Departure(false, null);

        /** A row of {@link Handovers#departureOf} ({@code from} 0) or {@link Handovers#departuresOf} (1). */
        static Departure of(Object[] row, int from) {
            return new Departure(((Number) row[from]).longValue() > 0, (LocalDate) row[from + 1]);
        }
    }

    /**
     * The departures of those among {@code people} who have any handover, by id, in one query (none for
     * nobody). One person alone (a transfer's re-check, once per account) is asked without a collection
     * parameter: Hibernate keeps a query's SQL only then (an IN list's size changes the SQL).
     */
    private Map<Long, Departure> departures(Collection<Person> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        if (people.size() == 1) {
            Person p = people.iterator().next();
            return Map.of(p.getId(), Departure.of(handovers.departureOf(p).getFirst(), 0));
        }
        Map<Long, Departure> found = new HashMap<>();
        handovers
                .departuresOf(people.stream().map(Person::getId).toList())
                .forEach(row -> found.put(((Number) row[0]).longValue(), Departure.of(row, 1)));
        return found;
    }

    /** The day {@code person} leaves the company when it is today or later where they are; empty otherwise. */
    private Optional<LocalDate> leavingDay(Person person, Departure departure) {
        LocalDate day = departure.lastLeavingDay();
        return day != null && !day.isBefore(zones.today(person)) ? Optional.of(day) : Optional.empty();
    }
}
