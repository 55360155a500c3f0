package dev.baton.people;

import dev.baton.shared.BadRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people a type-ahead offers when someone picks a person (issue 16, point 7): active, not being
 * handed over, matching what was typed (for a new owner: exactly whom {@link PeopleService#newOwner} accepts), the picker's own team first, each with their work and
 * absence, and only those the purpose allows. The services behind the forms still check the choice.
 */
@Service
public class PeopleSuggestions {

    /** A type-ahead shows a handful; typing more narrows it. */
    public static final int LIMIT = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final People people;
    private final Absences absences;
    private final AbsenceService absenceService;
    private final ReportingLines lines;
    private final Teams teams;
    private final ObjectProvider<OwnedWork> ownedWork;
    private final ObjectProvider<SuccessorPool> successors;
    private final ObjectProvider<PeopleService> newOwners;
    private final Clock clock;

    PeopleSuggestions(
            People people,
            Absences absences,
            AbsenceService absenceService,
            ReportingLines lines,
            Teams teams,
            ObjectProvider<OwnedWork> ownedWork,
            ObjectProvider<SuccessorPool> successors,
            ObjectProvider<PeopleService> newOwners,
            Clock clock) {
        this.newOwners = newOwners;
        this.successors = successors;
        this.people = people;
        this.absences = absences;
        this.absenceService = absenceService;
        this.lines = lines;
        this.teams = teams;
        this.ownedWork = ownedWork;
        this.clock = clock;
    }

    /** What the person is picked for; decides who is left out. */
    public enum Purpose {
        /** Hand one of my tasks to someone: not me, and free today. */
        DELEGATE,
        /** Cover my absence: not me, and free on every day of it. */
        COVER,
        /** Receive a person's moved tasks: free today (may be me). */
        MOVE,
        /** Whose open tasks to move: in my line (admins: anyone), leaving or not. */
        FROM,
        /**
         * Inherit accounts in a handover (the wizard, an amendment, "Choose successor"): exactly whom the
         * handover accepts ({@link SuccessorPool}), for the book of a person or of a running handover.
         */
        SUCCESSOR,
        /**
         * The person whose book the wizard hands over: not me, and exactly whom a launch accepts
         * ({@link SuccessorPool#handable}): in my line (admins: anyone), not being handed over, not
         * still to receive accounts in a running handover.
         */
        DEPARTING,
        /**
         * The new owner of work (a commitment's, an account's): exactly whom {@link PeopleService#newOwner}
         * accepts ({@link PeopleService#newOwners}: active, not leaving or being handed over), me included.
         */
        OWNER,
        /**
         * The new owner of work I give, delivered by a team (a commitment's step that names one, the sales
         * handoff's CS owner): exactly whom its answer accepts, {@link #OWNER}'s people whom I may give that work
         * to ({@link ReportingLines#mayGiveWorkTo}: me, my team or line, the delivering team's members; anyone for
         * an admin). The team is the request's {@code team} (a key; none: no team delivers it).
         */
        ASSIGN;

        /** The purpose a request names (any case); anything else is a 400 on {@code purpose}. */
        public static Purpose named(String name) {
            for (Purpose p : values()) {
                if (p.name().equalsIgnoreCase(name)) {
                    return p;
                }
            }
            throw new BadRequestException(
                    "purpose",
                    "must be one of delegate, cover, move, from, successor, departing, owner, assign (was '" + name
                            + "')");
        }
    }

    /**
     * One person offered.
     *
     * @param username what the input receives
     * @param team the team's name, or null
     * @param sameTeam in the picker's team (listed first)
     * @param workload their book and open work in words ("12 accounts, 2 open commitments")
     * @param away "away until Fri 4 Dec" (or "away Mon 7 Dec to Fri 11 Dec") when an absence falls in the
     *     window asked about, else null
     * @param label the whole line a list shows
     */
    public record Suggestion(
            String username,
            String fullName,
            String team,
            boolean sameTeam,
            String workload,
            String away,
            String label) {}

    /**
     * The book a successor is picked for: a person's ({@code departing}, a user name) before a launch,
     * or a running handover's ({@code handover}, its id). Only {@link Purpose#SUCCESSOR} reads it.
     */
    public record ForBook(String departing, Long handover) {

        /** No book: for every purpose but {@link Purpose#SUCCESSOR}. */
        public static final ForBook NONE = new ForBook(null, null);
    }

    /**
     * Up to {@link #LIMIT} people for {@code viewer} to pick for {@code purpose}.
     *
     * @param q part of the full name, user name or e-mail (case-insensitive); blank lists the first ones
     * @param excluding a user name to leave out as well (e.g. the departing person), or null
     * @param book for {@link Purpose#SUCCESSOR}, whose book: its suggestions are exactly the people the
     *     handover accepts ({@link SuccessorPool}); ignored for the other purposes
     * @param from first day of the window (COVER: the absence; others: today), in the app clock's zone; null is today
     * @param to last day of the window, inclusive; null is {@code from}
     * @throws dev.baton.shared.NotFoundException when the viewer is unknown
     * @throws BadRequestException for {@link Purpose#SUCCESSOR} without a book, or as {@link SuccessorPool#successors}
     */
    @Transactional(readOnly = true)
    public List<Suggestion> suggest(
            String viewer, String q, Purpose purpose, String excluding, ForBook book, LocalDate from, LocalDate to) {
        return suggest(viewer, q, purpose, excluding, book, null, from, to);
    }

    /**
     * As {@link #suggest(String, String, Purpose, String, ForBook, LocalDate, LocalDate)}, for {@link
     * Purpose#ASSIGN} with the team that delivers the work.
     *
     * @param deliveringTeam for {@link Purpose#ASSIGN}, the key of the team that delivers the work, null or
     *     blank when none does; ignored for the other purposes
     * @throws BadRequestException at {@code team} when no team has that key
     */
    @Transactional(readOnly = true)
    public List<Suggestion> suggest(
            String viewer,
            String q,
            Purpose purpose,
            String excluding,
            ForBook book,
            String deliveringTeam,
            LocalDate from,
            LocalDate to) {
        Person me = people.findByUsername(viewer)
                .orElseThrow(() -> new dev.baton.shared.NotFoundException("person", viewer));
        LocalDate first = from == null ? LocalDate.now(clock) : from;
        LocalDate last = to == null || to.isBefore(first) ? first : to;
        String typed = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        if (purpose == Purpose.SUCCESSOR || purpose == Purpose.DEPARTING) {
            SuccessorPool pool = successors.getObject();
            List<Person> allowed = purpose == Purpose.SUCCESSOR
                    ? pool.successors(me, book.departing(), book.handover())
                    : pool.handable(me);
            return allowed.stream()
                    .filter(p -> typed.isEmpty() || matches(p, typed))
                    .filter(p -> purpose == Purpose.SUCCESSOR || !p.getId().equals(me.getId()))
                    .filter(p -> !p.getUsername().equals(excluding))
                    .sorted(Comparator.comparing((Person p) -> !sameTeam(p, me)).thenComparing(NameOrder.PEOPLE))
                    .limit(LIMIT)
                    .map(p -> suggestion(p, me, first, last))
                    .toList();
        }
        if (purpose == Purpose.OWNER || purpose == Purpose.ASSIGN) {
            List<Person> taking = newOwners.getObject().takingNewWork();
            if (purpose == Purpose.ASSIGN) {
                Set<Long> given = lines.mayGiveWorkTo(me, taking, team(deliveringTeam));
                taking = taking.stream().filter(p -> given.contains(p.getId())).toList();
            }
            return taking.stream()
                    .filter(p -> typed.isEmpty() || matches(p, typed))
                    .filter(p -> !p.getUsername().equals(excluding))
                    .sorted(Comparator.comparing((Person p) -> !sameTeam(p, me)).thenComparing(NameOrder.PEOPLE))
                    .limit(LIMIT)
                    .map(p -> suggestion(p, me, first, last))
                    .toList();
        }
        Set<String> line = lineOf(me, purpose);
        List<Person> candidates = people.findAll().stream()
                .filter(Person::isActive)
                .filter(p -> typed.isEmpty() || matches(p, typed))
                .filter(p -> !p.getUsername().equals(excluding))
                .filter(p -> purpose == Purpose.MOVE
                        || purpose == Purpose.FROM
                        || !p.getId().equals(me.getId()))
                .filter(p -> line == null || line.contains(p.getUsername()))
                .sorted(Comparator.comparing((Person p) -> !sameTeam(p, me)).thenComparing(NameOrder.PEOPLE))
                .toList();
        List<Suggestion> found = new ArrayList<>();
        for (Person p : candidates) {
            if (found.size() == LIMIT) {
                break;
            }
            // free on the days asked (cover, delegation) or at least not leaving (the others)
            Optional<String> unfit = switch (purpose) {
                case DELEGATE, COVER, MOVE -> absenceService.unavailable(p, first, last);
                case FROM -> Optional.empty();
                case SUCCESSOR, DEPARTING, OWNER, ASSIGN -> Optional.empty(); // answered above
            };
            if (unfit.isEmpty()) {
                found.add(suggestion(p, me, first, last));
            }
        }
        return found;
    }

    /** The team with that key, null for none (null or blank); a 400 at {@code team} when no team has it. */
    private Team team(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        return teams.findByKey(key.trim())
                .orElseThrow(() -> new BadRequestException("team", "no team has the key '" + key.trim() + "'"));
    }

    /** Null when anyone will do; else the user names the purpose allows. */
    private Set<String> lineOf(Person me, Purpose purpose) {
        return purpose == Purpose.FROM && !me.hasRole(Role.ADMIN) ? lines.line(me) : null;
    }

    private Suggestion suggestion(Person p, Person me, LocalDate first, LocalDate last) {
        String team = p.getTeam() == null ? null : p.getTeam().getName();
        String workload = workload(p);
        String away = away(p, first, last);
        StringBuilder label = new StringBuilder(p.getFullName())
                .append(" (")
                .append(p.getUsername())
                .append(')');
        if (team != null) {
            label.append(" · ").append(team);
        }
        label.append(" · ").append(workload);
        if (away != null) {
            label.append(" · ").append(away);
        }
        return new Suggestion(
                p.getUsername(), p.getFullName(), team, sameTeam(p, me), workload, away, label.toString());
    }

    private String workload(Person p) {
        List<String> parts = new ArrayList<>();
        for (OwnedWork work : ownedWork.orderedStream().toList()) {
            long count = work.countOwnedBy(p);
            // the book (accounts) always, other work when there is some
            if (count > 0 || "accounts".equals(work.noun())) {
                parts.add(count + " " + work.noun());
            }
        }
        return String.join(", ", parts);
    }

    /** The absence that overlaps the window, or else the one under way today, in words. */
    private String away(Person p, LocalDate first, LocalDate last) {
        LocalDate today = LocalDate.now(clock);
        LocalDate since = first.isBefore(today) ? first : today;
        return absences.findByPersonUsernameAndEndsOnGreaterThanEqualOrderByStartsOn(p.getUsername(), since).stream()
                .filter(a -> !a.getStartsOn().isAfter(last.isAfter(today) ? last : today))
                .findFirst()
                .map(a -> a.getStartsOn().isAfter(today)
                        ? "away " + DAY.format(a.getStartsOn()) + " to " + DAY.format(a.getEndsOn())
                        : "away until " + DAY.format(a.getEndsOn()))
                .orElse(null);
    }

    private static boolean matches(Person p, String typed) {
        return p.getFullName().toLowerCase(Locale.ROOT).contains(typed)
                || p.getUsername().toLowerCase(Locale.ROOT).contains(typed)
                || p.getEmail().toLowerCase(Locale.ROOT).contains(typed);
    }

    private static boolean sameTeam(Person p, Person me) {
        return p.getTeam() != null
                && me.getTeam() != null
                && Objects.equals(p.getTeam().getId(), me.getTeam().getId());
    }
}
