package dev.baton.lead;

import dev.baton.account.AccountService;
import dev.baton.people.AbsenceService;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.PersonView;
import dev.baton.people.Role;
import dev.baton.people.TeamService;
import dev.baton.people.TeamView;
import dev.baton.people.TimeZones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * Who gets a lead: the sales reps (the active reps of the teams {@code baton.leads.sales-teams}) who own
 * accounts in its territory, else any of the sales reps; in either pool only people who are not leaving,
 * not being handed over and not away today (in their own time zone), and among those the one who has
 * waited longest since their last lead (round-robin that survives restarts and needs no counter). Someone
 * else who owns accounts there (customer success after the sales-to-CS handoff, a manager, a rep of
 * another team) takes no leads: a lead is new business, for sales.
 */
@Component
class LeadAssignment {

    /** The chosen person and how they were chosen, in words for the lead's history. */
    record Choice(Person owner, String how) {}

    private final AccountService accounts;
    private final PeopleService people;
    private final TeamService teams;
    private final AbsenceService absences;
    private final TimeZones zones;
    private final Leads leads;
    private final LeadSettings settings;
    private final Clock clock;

    LeadAssignment(
            AccountService accounts,
            PeopleService people,
            TeamService teams,
            AbsenceService absences,
            TimeZones zones,
            Leads leads,
            LeadSettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.people = people;
        this.teams = teams;
        this.absences = absences;
        this.zones = zones;
        this.leads = leads;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The next owner of the lead; {@code previous} (the owner who let it lapse) only when nobody else
     * is available. Empty when nobody at all is.
     */
    Optional<Choice> choose(Lead lead, Person previous) {
        return choose(lead, previous, Set.of());
    }

    /**
     * {@link #choose(Lead, Person)}, passing over {@code heldBefore} too (user names of those who already
     * held the lead and let it lapse) while anyone else is available, by territory or in turn: an untouched
     * lead went from rob to ravi and back to rob, though rita was free (probe 45, F7). When only earlier
     * holders are left, the choice is as if they had not held it, {@code previous} still last.
     */
    Optional<Choice> choose(Lead lead, Person previous, Set<String> heldBefore) {
        if (!heldBefore.isEmpty()) {
            Optional<Choice> fresh = choose(lead, previous, p -> !heldBefore.contains(p.getUsername()));
            if (fresh.isPresent()) {
                return fresh;
            }
        }
        Optional<Choice> other = choose(lead, previous, p -> true);
        if (other.isPresent()) {
            return other;
        }
        return previous != null && isAvailable(previous)
                ? Optional.of(new Choice(previous, "the only rep available"))
                : Optional.empty();
    }

    private Optional<Choice> choose(Lead lead, Person previous, java.util.function.Predicate<Person> eligible) {
        List<PersonView> salesReps = salesReps();
        if (lead.getTerritory() != null) {
            Set<Long> repIds = salesReps.stream().map(PersonView::id).collect(Collectors.toSet());
            List<Person> territory = available(
                    accounts.ownersInTerritory(lead.getTerritory()).stream()
                            .filter(owner -> repIds.contains(owner.getId()))
                            .filter(eligible)
                            .toList(),
                    previous);
            if (!territory.isEmpty()) {
                return Optional.of(new Choice(longestWaiting(territory), "owns accounts in " + lead.getTerritory()));
            }
        }
        List<Person> team = available(
                salesReps.stream()
                        .map(PersonView::username)
                        .map(people::signedIn)
                        .filter(eligible)
                        .toList(),
                previous);
        return team.isEmpty()
                ? Optional.empty()
                : Optional.of(new Choice(
                        longestWaiting(team), "next in turn in " + String.join(", ", settings.salesTeams())));
    }

    /**
     * The people who work leads, each once: the active reps of the sales teams. Nobody else takes a lead, by
     * territory or in turn.
     */
    private List<PersonView> salesReps() {
        List<Long> teamIds = teams.find(Pageable.unpaged()).stream()
                .filter(t -> settings.salesTeams().contains(t.key()))
                .map(TeamView::id)
                .toList();
        return teamIds.stream()
                .flatMap(id -> people.find(id, Role.REP, true, Pageable.unpaged()).stream())
                .distinct()
                .toList();
    }

    private List<Person> available(List<Person> pool, Person previous) {
        return pool.stream()
                .filter(p -> previous == null || !Objects.equals(p.getId(), previous.getId()))
                .filter(this::isAvailable)
                .toList();
    }

    private boolean isAvailable(Person p) {
        LocalDate today = LocalDate.now(clock.withZone(zones.of(p)));
        return absences.unavailable(p, today, today).isEmpty();
    }

    private Person longestWaiting(List<Person> pool) {
        Map<Long, Instant> last = new HashMap<>();
        leads.lastAssignedAt(pool.stream().map(Person::getId).toList())
                .forEach(row -> last.put((Long) row[0], (Instant) row[1]));
        return pool.stream()
                .min(Comparator.comparing((Person p) -> last.getOrDefault(p.getId(), Instant.EPOCH))
                        .thenComparing(Person::getUsername))
                .orElseThrow();
    }
}
