package dev.baton.people;

import dev.baton.audit.AuditLog;
import dev.baton.audit.Changes;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.Dates;
import dev.baton.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Out-of-office cover. Date-based: an absence covers its days where its person is (their {@link
 * TimeZones zone}) and is simply past afterwards, so no job has to end it. Tasks use {@link #coverFor} when they arrive.
 */
@Service
public class AbsenceService {

    /** Where today is the earliest date on earth (UTC-12): no zone's today is before it. */
    private static final ZoneOffset EARLIEST_TODAY = ZoneOffset.ofHours(-12);

    private final Absences absences;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;
    private final Leavers leavers;
    private final TimeZones zones;
    private final Dates dates;

    AbsenceService(
            Absences absences,
            People people,
            AuditLog audit,
            Clock clock,
            Leavers leavers,
            TimeZones zones,
            Dates dates) {
        this.zones = zones;
        this.dates = dates;
        this.absences = absences;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.leavers = leavers;
    }

    /**
     * Records {@code username}'s absence; a wrong range or an unfit delegate is a 400, an overlap with
     * another of their absences a 409 naming its dates; either records nothing.
     */
    @Transactional
    public AbsenceView record(String username, NewAbsence n) {
        Person person = people.lockByUsername(username).orElseThrow(() -> new NotFoundException("person", username));
        if (n.endsOn().isBefore(n.startsOn())) {
            throw new BadRequestException(
                    "endsOn", "must not be before the first day (" + dates.day(n.startsOn()) + ")");
        }
        if (n.endsOn().isBefore(zones.today(person))) {
            throw new BadRequestException("endsOn", "is in the past");
        }
        Person delegate = people.findByUsername(n.delegate().trim())
                .orElseThrow(() -> BadRequestException.noSuch("delegate", "person", n.delegate()));
        if (delegate.getId().equals(person.getId())) {
            throw new BadRequestException("delegate", "cannot be yourself");
        }
        Optional<String> unavailable = unavailable(delegate, n.startsOn(), n.endsOn());
        if (unavailable.isPresent()) {
            throw new BadRequestException("delegate", unavailable.get() + ": choose someone else to cover");
        }
        // the person's row is locked above, so two overlapping absences recorded at once cannot both pass
        absences
                .findByPersonIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByStartsOn(
                        person.getId(), n.endsOn(), n.startsOn())
                .stream()
                .findFirst()
                .ifPresent(other -> {
                    throw new ConflictException("you are already away from " + dates.day(other.getStartsOn()) + " to "
                            + dates.day(other.getEndsOn()) + ": withdraw that absence or choose other dates");
                });
        Absence absence = absences.save(new Absence(person, delegate, n.startsOn(), n.endsOn(), n.note()));
        audit.record("absence.recorded", "absence", absence.getId(), null, null, snapshot(absence));
        return AbsenceView.of(absence);
    }

    /**
     * Takes back an absence (plans changed); only its person may.
     *
     * @throws NotFoundException when there is no absence {@code id}
     * @throws AccessDeniedException for anyone else, naming the person and the absence's days in words
     *     ("only Rob Jansen may withdraw their absence from Thu 10 Dec 2026 to Fri 11 Dec 2026")
     */
    @Transactional
    public void withdraw(long id, String username) {
        Absence absence = absences.findById(id).orElseThrow(() -> new NotFoundException("absence", id));
        if (!absence.getPerson().getUsername().equals(username)) {
            throw new AccessDeniedException("only " + absence.getPerson().getFullName()
                    + " may withdraw their absence from " + dates.day(absence.getStartsOn()) + " to "
                    + dates.day(absence.getEndsOn()));
        }
        audit.record("absence.withdrawn", "absence", id, null, snapshot(absence), null);
        absences.delete(absence);
    }

    /** The person's current and coming absences. */
    @Transactional(readOnly = true)
    public List<AbsenceView> upcoming(String username) {
        return absences.findByPersonUsernameAndEndsOnGreaterThanEqualOrderByStartsOn(username, today(username)).stream()
                .map(AbsenceView::of)
                .toList();
    }

    /** Who is away today (their today, where they are) and who covers for them. */
    @Transactional(readOnly = true)
    public List<AbsenceView> awayToday() {
        // a day either side of the company's today holds everybody's today, wherever they are
        LocalDate today = LocalDate.now(clock.withZone(zones.company()));
        return absences
                .findByStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByEndsOn(
                        today.plusDays(1), today.minusDays(1))
                .stream()
                .filter(a -> a.covers(zones.today(a.getPerson())))
                .map(AbsenceView::of)
                .toList();
    }

    /**
     * The person covering for {@code username} today, if they are away and their cover can take work
     * today (see {@link #unavailable}); else empty, and the work stays with {@code username}.
     */
    @Transactional(readOnly = true)
    public Optional<String> coverFor(String username) {
        // absences not ended anywhere on earth yet: whoever has none (most people, every time a task or
        // commitment reaches them) costs this one query, and their zone is read only when they have one
        List<Absence> notEnded = absences.findByPersonUsernameAndEndsOnGreaterThanEqualOrderByStartsOn(
                username, LocalDate.now(clock.withZone(EARLIEST_TODAY)));
        if (notEnded.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = zones.today(notEnded.getFirst().getPerson());
        return notEnded.stream()
                .filter(a -> a.covers(today)
                        && unavailable(a.getDelegate(), today, today).isEmpty())
                .map(a -> a.getDelegate().getUsername())
                .findFirst();
    }

    /**
     * Why {@code person} cannot take over others' work on the days {@code from} to {@code to}
     * (inclusive, days where {@code person} is): inactive, being handed over or leaving the company
     * ({@link Leavers}), or away on one of those days. Empty when they can. The reason reads as a sentence about the person ("Rob Jansen is inactive").
     */
    @Transactional(readOnly = true)
    public Optional<String> unavailable(Person person, LocalDate from, LocalDate to) {
        if (!person.isActive()) {
            return Optional.of(person.getFullName() + " is inactive");
        }
        Optional<String> leaving = leavers.leaving(person);
        if (leaving.isPresent()) {
            return leaving;
        }
        return absences
                .findByPersonUsernameAndEndsOnGreaterThanEqualOrderByStartsOn(person.getUsername(), from)
                .stream()
                .filter(a -> !a.getStartsOn().isAfter(to))
                .map(a -> person.getFullName() + " is away from " + dates.day(a.getStartsOn()) + " to "
                        + dates.day(a.getEndsOn()))
                .findFirst();
    }

    /** {@link #unavailable(Person, LocalDate, LocalDate)} for today. */
    @Transactional(readOnly = true)
    public Optional<String> unavailableToday(Person person) {
        LocalDate today = zones.today(person);
        return unavailable(person, today, today);
    }

    private LocalDate today(String username) {
        return LocalDate.now(clock.withZone(zones.ofUsername(username)));
    }

    private static Map<String, Object> snapshot(Absence a) {
        return Changes.fields(
                "person",
                a.getPerson().getUsername(),
                "delegate",
                a.getDelegate().getUsername(),
                "startsOn",
                a.getStartsOn().toString(),
                "endsOn",
                a.getEndsOn().toString());
    }
}
