package dev.baton.handover;

import dev.baton.people.AbsenceService;
import dev.baton.people.NameOrder;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.people.Role;
import dev.baton.people.SuccessorPool;
import dev.baton.people.Team;
import dev.baton.shared.BadRequestException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may take over accounts in a handover, and who may be handed over: the launching manager's
 * line ({@link ReportingLines}). A successor is an active rep of the departing person's team in
 * that line, not being handed over, not an admin or customer success, and not the manager herself
 * unless {@code baton.handover.manager-may-take-accounts} is set. For an admin the line is the
 * departing person's manager's (everyone of the departing person's team when they have none).
 */
@Service
public class SuccessorCandidates implements SuccessorPool {

    /**
     * One eligible person as the wizard lists them.
     *
     * @param accounts how many accounts they own now (their book size)
     * @param away why they cannot act today ("X is away from … to …"), or null
     */
    public record Candidate(long id, String username, String fullName, long accounts, String away) {}

    private final PeopleLookup people;
    private final ReportingLines lines;
    private final SuccessorRules rules;
    private final Book book;
    private final AbsenceService absences;
    private final HandoverSettings settings;
    private final Handovers handovers;
    private final HandoverVisibility visibility;
    private final HandoverItems items;

    SuccessorCandidates(
            PeopleLookup people,
            ReportingLines lines,
            SuccessorRules rules,
            Book book,
            AbsenceService absences,
            HandoverSettings settings,
            Handovers handovers,
            HandoverVisibility visibility,
            HandoverItems items) {
        this.items = items;
        this.handovers = handovers;
        this.visibility = visibility;
        this.people = people;
        this.lines = lines;
        this.rules = rules;
        this.book = book;
        this.absences = absences;
        this.settings = settings;
    }

    /** The eligible successors for {@code departing}'s book, launched by {@code launcher}, by name, with book sizes. */
    @Transactional(readOnly = true)
    public List<Candidate> successors(Person departing, Person launcher) {
        List<Person> eligible = eligible(departing, launcher);
        Map<Long, Long> books = book.accountCounts(eligible);
        return eligible.stream()
                .map(p -> new Candidate(
                        p.getId(),
                        p.getUsername(),
                        p.getFullName(),
                        books.get(p.getId()),
                        absences.unavailableToday(p).orElse(null)))
                .toList();
    }

    /**
     * The eligible successors for a running handover's accounts, by the rules of its launch: the line
     * of the manager who launched it (whoever answers its steps), as {@link #successors(Person, Person)}.
     */
    @Transactional(readOnly = true)
    public List<Candidate> successors(Handover h) {
        return successors(h.getDeparting(), launcher(h));
    }

    /**
     * Who the launcher may hand over ({@link #handable}), by name, with book sizes: the wizard's list. The
     * book sizes are counted in one query for the whole list, as {@link #handable} asks its rules (they
     * were one query per person: an admin's list is everyone; session 40's review).
     */
    @Transactional(readOnly = true)
    public List<Candidate> departing(Person launcher) {
        List<Person> handable = handable(launcher);
        Map<Long, Long> books = book.accountCounts(handable);
        return handable.stream()
                .map(p -> new Candidate(p.getId(), p.getUsername(), p.getFullName(), books.get(p.getId()), null))
                .toList();
    }

    /**
     * {@inheritDoc} Not those the launch would refuse ({@link HandoverService#requireHandable}, {@link
     * HandoverService#requireSomethingToHandOver}): found by probes, the wizard offered someone still to
     * receive accounts, and people who own nothing, and only the launch refused. Five queries for the whole
     * line.
     */
    @Override
    @Transactional(readOnly = true)
    public List<Person> handable(Person viewer) {
        Set<String> line = viewer.hasRole(Role.ADMIN) ? null : lines.line(viewer);
        List<Person> inLine = people.everyone().stream()
                .filter(Person::isActive)
                .filter(p -> line == null ? !p.hasRole(Role.ADMIN) : line.contains(p.getUsername()))
                .toList();
        Set<Long> leaving = rules.beingHandedOver(inLine);
        Set<Long> receiving = items.withAccountsIncomingAmong(
                inLine.stream().map(Person::getId).toList());
        List<Person> free = inLine.stream()
                .filter(p -> !leaving.contains(p.getId()) && !receiving.contains(p.getId()))
                .toList();
        // the launch's rule (HandoverService#requireSomethingToHandOver), for them all at once
        Set<Long> owning = book.withSomethingToHandOver(free);
        return free.stream()
                .filter(p -> owning.contains(p.getId()))
                .sorted(NameOrder.PEOPLE)
                .toList();
    }

    /**
     * {@inheritDoc} The same people as {@link #successors(Person, Person)} with {@code viewer} as the
     * launcher, or {@link #successors(Handover)}: the people type-ahead's {@code purpose=successor}.
     */
    @Override
    @Transactional(readOnly = true)
    public List<Person> successors(Person viewer, String departing, Long handoverId) {
        if ((departing == null || departing.isBlank()) == (handoverId == null)) {
            throw new BadRequestException(
                    handoverId == null ? "departing" : "handover",
                    "say whose book the successor is for: departing (a user name) or handover (a handover's id),"
                            + " one of the two");
        }
        if (handoverId != null) {
            Handover h = handovers
                    .findById(handoverId)
                    .orElseThrow(() -> BadRequestException.noSuch("handover", "handover", handoverId));
            if (!visibility.maySee(h, viewer.getUsername())) {
                throw new AccessDeniedException("handover " + handoverId + " is neither yours nor of your reports");
            }
            return eligible(h.getDeparting(), launcher(h));
        }
        Person leaving = people.byUsername(departing.trim())
                .orElseThrow(() -> BadRequestException.noSuch("departing", "person", departing.trim()));
        if (!viewer.hasRole(Role.ADMIN) && !lines.inLineOf(leaving, viewer)) {
            throw new AccessDeniedException(leaving.getFullName() + " is not in " + viewer.getFullName() + "'s line");
        }
        return eligible(leaving, viewer);
    }

    /**
     * The people {@link #successors} lists, as entities, for the planner. The successor rules are asked
     * once for everyone the line, team and roles admit ({@link #refusedAt}, {@link SuccessorRules#problems}),
     * not once per person.
     */
    List<Person> eligible(Person departing, Person launcher) {
        Line line = line(departing, launcher);
        List<Person> admitted = people.everyone().stream()
                .filter(p -> refusedAt(Shape.of(p), departing, line).isEmpty())
                .toList();
        Map<Long, String> refused = rules.problems(admitted, departing);
        return admitted.stream()
                .filter(p -> !refused.containsKey(p.getId()))
                .sorted(NameOrder.PEOPLE)
                .toList();
    }

    /**
     * Why this person may not take over the book, or null when they may: for refusals naming the person.
     * One person's check (a transfer's, once per account) reads the launch's line and their departures,
     * not everyone.
     */
    String notEligible(Person successor, Person departing, Person launcher) {
        Line line = line(departing, launcher);
        return rules.problem(successor, departing)
                .orElseGet(() -> refusedAt(Shape.of(successor), departing, line)
                        .map(field -> onlyRepsOfTheTeam(successor, departing, line))
                        .orElse(null));
    }

    /**
     * Whether a successor, with the roles, team and manager a change of their record would give them
     * ({@code as}), would still be admitted to take over {@code h}'s accounts by the line, team and role
     * part of the rule: the people feature asks it before such a change ({@link PendingSuccessorChanges}).
     *
     * @return the field of the change the rule refuses ({@code managerId}, {@code teamId} or {@code
     *     roles}, the first in that order) and the rule in words ("only active reps of the same team in
     *     Maria Rossi's line can take over Rob Jansen's accounts"); empty when it admits them
     */
    Optional<Map.Entry<String, String>> refusedAfterChange(Shape as, Handover h) {
        Line line = line(h.getDeparting(), launcher(h));
        return refusedAt(as, h.getDeparting(), line)
                .map(field -> Map.entry(
                        field,
                        "only active reps of the same team"
                                + (line.owner() == null
                                        ? ""
                                        : " in " + line.owner().getFullName() + "'s line")
                                + " can take over " + h.getDeparting().getFullName() + "'s accounts"));
    }

    /**
     * What of a person the line, team and role part of the rule reads: as they are ({@link #of}), or as a
     * change of their record would leave them.
     */
    record Shape(Long id, Set<Role> roles, Team team, Person manager) {

        static Shape of(Person p) {
            return new Shape(p.getId(), p.getRoles(), p.getTeam(), p.getManager());
        }
    }

    /**
     * The launch's line: whose it is, and the user names in it; no owner (an admin's launch for someone
     * without a manager) admits anyone.
     */
    private record Line(Person owner, Set<String> members) {

        /** Whether someone reporting to {@code manager} is in the line: the manager is its owner, or in it. */
        boolean admitsReportOf(Person manager) {
            return owner == null
                    || manager != null
                            && (manager.getId().equals(owner.getId()) || members.contains(manager.getUsername()));
        }
    }

    /**
     * The line, team and role part of the one successor rule, for a person as {@code s} has them: in the
     * launch's line (or its owner, when managers may take accounts), of the departing person's team (when
     * they have one), a rep (or that owner), and neither admin nor customer success.
     *
     * @return the first field the rule refuses ({@code managerId}, {@code teamId}, {@code roles}); empty when none
     */
    private Optional<String> refusedAt(Shape s, Person departing, Line line) {
        boolean own = line.owner() != null
                && settings.managerMayTakeAccounts()
                && line.owner().getId().equals(s.id());
        if (!own && !line.admitsReportOf(s.manager())) {
            return Optional.of("managerId");
        }
        if (departing.getTeam() != null
                && (s.team() == null
                        || !Objects.equals(s.team().getId(), departing.getTeam().getId()))) {
            return Optional.of("teamId");
        }
        if (!(s.roles().contains(Role.REP) || own)
                || s.roles().contains(Role.ADMIN)
                || s.roles().contains(Role.CS)) {
            return Optional.of("roles");
        }
        return Optional.empty();
    }

    private static String onlyRepsOfTheTeam(Person successor, Person departing, Line line) {
        return successor.getFullName() + " cannot take over " + departing.getFullName()
                + "'s accounts: only active reps of the same team"
                + (line.owner() == null ? "" : " in " + line.owner().getFullName() + "'s line") + " can";
    }

    /** Whose line the successors come from: the launcher's; for an admin, the departing person's manager's (or none). */
    private Line line(Person departing, Person launcher) {
        Person owner = launcher.hasRole(Role.ADMIN) ? departing.getManager() : launcher;
        return new Line(owner, owner == null ? Set.of() : lines.line(owner));
    }

    /** {@link #notEligible(Person, Person, Person)} by the rules of the handover's launch. */
    String notEligible(Person successor, Handover h) {
        return notEligible(successor, h.getDeparting(), launcher(h));
    }

    private Person launcher(Handover h) {
        return people.byUsername(h.getLaunchedBy())
                .orElseThrow(() -> new IllegalStateException(
                        "handover " + h.getId() + " names a launcher nobody is: " + h.getLaunchedBy()));
    }
}
