package dev.baton.handover;

import dev.baton.people.Departures;
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

    /** A handover of the person is under way: launched and not ended. */
    private static final List<HandoverStatus> UNDER_WAY = List.of(HandoverStatus.STARTING, HandoverStatus.RUNNING);

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
     * {@link #problem} for many people, in at most two queries however many they are (the candidate
     * list of every choose-successor form, plan preview and type-ahead keystroke), with the same answers;
     * for one person (a transfer's re-check, once per account) in one.
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
        Set<Long> handedOver;
        Map<Long, LocalDate> leaving;
        if (asked.size() == 1) {
            Person p = asked.getFirst();
            Object[] row = handovers.departureOf(p).getFirst();
            handedOver = ((Number) row[0]).longValue() > 0 ? Set.of(p.getId()) : Set.of();
            leaving = handedOver.isEmpty() && row[1] != null
                    ? stillLeaving(asked, Map.of(p.getId(), (LocalDate) row[1]))
                    : Map.of();
        } else {
            handedOver = beingHandedOver(asked);
            List<Person> others =
                    asked.stream().filter(p -> !handedOver.contains(p.getId())).toList();
            leaving = leavingDays(others);
        }
        for (Person p : asked) {
            if (handedOver.contains(p.getId())) {
                problems.put(p.getId(), p.getFullName() + " is being handed over too and cannot take over accounts");
            } else if (leaving.containsKey(p.getId())) {
                problems.put(
                        p.getId(),
                        p.getFullName() + " is leaving the company on " + Dates.calendarDay(leaving.get(p.getId()))
                                + " and cannot take over accounts");
            }
        }
        return problems;
    }

    @Override
    public boolean isBeingHandedOver(Person person) {
        return isLeaving(person);
    }

    @Override
    public Optional<LocalDate> leavingOn(Person person) {
        return Optional.ofNullable(leavingDays(List.of(person)).get(person.getId()));
    }

    @Override
    public Set<Long> departingAmong(Collection<Person> people) {
        Set<Long> departing = new HashSet<>(beingHandedOver(people));
        departing.addAll(leavingDays(people.stream()
                        .filter(p -> !departing.contains(p.getId()))
                        .toList())
                .keySet());
        return departing;
    }

    boolean isLeaving(Person person) {
        return !beingHandedOver(List.of(person)).isEmpty();
    }

    /** The ids of those among {@code people} whose handover is under way, in one query (none for nobody). */
    Set<Long> beingHandedOver(Collection<Person> people) {
        if (people.size() == 1) { // one person (a transfer's re-check, once per account): a query whose SQL is kept
            Person p = people.iterator().next();
            return handovers.isDepartingInOpenHandover(p) ? Set.of(p.getId()) : Set.of();
        }
        return people.isEmpty()
                ? Set.of()
                : handovers.departingAmong(people.stream().map(Person::getId).toList(), UNDER_WAY);
    }

    /**
     * The day each of {@code people} leaves the company, for those a completed handover for leaving says
     * so and that day is today or later where they are, in one query (none for nobody): the latest
     * such day is past today exactly when some day is.
     */
    private Map<Long, LocalDate> leavingDays(Collection<Person> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        Map<Long, LocalDate> last = new HashMap<>();
        if (people.size() == 1) { // as in beingHandedOver
            Person p = people.iterator().next();
            handovers.lastLeavingDay(p).ifPresent(day -> last.put(p.getId(), day));
        } else {
            handovers
                    .lastLeavingDays(people.stream().map(Person::getId).toList())
                    .forEach(row -> last.put((Long) row[0], (LocalDate) row[1]));
        }
        return stillLeaving(people, last);
    }

    /** Those of {@code people} whose last leaving day ({@code last}, by person id) is today or later where they are. */
    private Map<Long, LocalDate> stillLeaving(Collection<Person> people, Map<Long, LocalDate> last) {
        Map<Long, LocalDate> leaving = new HashMap<>();
        for (Person p : people) {
            LocalDate day = last.get(p.getId());
            if (day != null && !day.isBefore(zones.today(p))) {
                leaving.put(p.getId(), day);
            }
        }
        return leaving;
    }
}
