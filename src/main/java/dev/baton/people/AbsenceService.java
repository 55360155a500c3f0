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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** How many covers deep {@link #coverToday} looks: a chain longer than this is a team's problem, not cover. */
    static final int CHAIN_LIMIT = 5;

    private final Absences absences;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;
    private final Leavers leavers;
    private final TimeZones zones;
    private final Dates dates;
    private final ReportingLines lines;

    AbsenceService(
            Absences absences,
            People people,
            AuditLog audit,
            Clock clock,
            Leavers leavers,
            TimeZones zones,
            Dates dates,
            ReportingLines lines) {
        this.lines = lines;
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
        return view(absence); // as the list shows it: the cover's standing and who takes the work (second probe: cover
        // null)
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
            throw new AccessDeniedException(
                    "only " + absence.getPerson().getFullName() + " may withdraw their absence from " + days(absence));
        }
        audit.record("absence.withdrawn", "absence", id, null, snapshot(absence), null);
        absences.delete(absence);
    }

    /**
     * Gives absence {@code id} another cover for the days it has left: tasks arriving from now on go to
     * {@code delegate} (a user name); open tasks already moved to the old cover stay with them. Its person,
     * their manager (their line) or an admin may ({@link ReportingLines#mayActFor}, the rule for the work they
     * own: withdrawing stays its person's alone). The new cover is held to recording's rules, in its words:
     * someone else, able to take work on the days left ({@link #unavailable}: not inactive, leaving or away,
     * so no two people cover each other). Audited ({@code absence.cover-changed}, the covers before and
     * after); nobody is mailed, as recording an absence mails nobody. Naming the cover it has changes nothing.
     *
     * @return the absence as {@link #upcoming} shows it
     * @throws NotFoundException when there is no absence {@code id}
     * @throws AccessDeniedException for anyone else, naming the person and the absence's days in words
     * @throws BadRequestException at {@code delegate}: nobody of that user name, the absent person, or someone
     *     who cannot take work on the days left
     * @throws ConflictException when the absence has ended (where its person is)
     */
    @Transactional
    public AbsenceView changeCover(long id, String delegate, String username) {
        Absence absence = absences.findById(id).orElseThrow(() -> new NotFoundException("absence", id));
        Person person = absence.getPerson();
        Person actor = people.findByUsername(username).orElseThrow(() -> new NotFoundException("person", username));
        if (!lines.mayActFor(actor, person)) {
            throw new AccessDeniedException("only " + person.getFullName()
                    + ", their manager or an admin may change the cover of their absence from " + days(absence));
        }
        LocalDate today = zones.today(person);
        if (absence.getEndsOn().isBefore(today)) {
            throw new ConflictException("the absence from " + days(absence) + " has ended: its cover stays");
        }
        Person cover = people.findByUsername(delegate.trim())
                .orElseThrow(() -> BadRequestException.noSuch("delegate", "person", delegate));
        if (cover.getId().equals(person.getId())) {
            throw new BadRequestException(
                    "delegate",
                    actor.getId().equals(person.getId())
                            ? "cannot be yourself"
                            : "cannot be " + person.getFullName() + ", whose absence it is");
        }
        LocalDate from = absence.getStartsOn().isBefore(today) ? today : absence.getStartsOn();
        Optional<String> unavailable = unavailable(cover, from, absence.getEndsOn());
        if (unavailable.isPresent()) {
            throw new BadRequestException("delegate", unavailable.get() + ": choose someone else to cover");
        }
        if (!cover.getId().equals(absence.getDelegate().getId())) {
            Map<String, Object> before = snapshot(absence);
            absence.coverWith(cover);
            audit.record("absence.cover-changed", "absence", id, null, before, snapshot(absence));
        }
        return view(absence);
    }

    /**
     * The absences not ended yet (where their person is) of others whose cover {@code username} may change
     * ({@link #changeCover}): everyone's for an admin, their line's for a manager, none for anyone else;
     * soonest first.
     */
    @Transactional(readOnly = true)
    public List<AbsenceView> othersICanChange(String username) {
        Person viewer = people.findByUsername(username).orElseThrow(() -> new NotFoundException("person", username));
        if (!viewer.hasRole(Role.ADMIN) && !viewer.hasRole(Role.MANAGER)) {
            return List.of();
        }
        return absences
                .findByEndsOnGreaterThanEqualOrderByStartsOn(LocalDate.now(clock.withZone(EARLIEST_TODAY)))
                .stream()
                .filter(a -> !a.getPerson().getId().equals(viewer.getId()))
                .filter(a -> !a.getEndsOn().isBefore(zones.today(a.getPerson())))
                .filter(a -> lines.mayActFor(viewer, a.getPerson()))
                .map(this::view)
                .toList();
    }

    /**
     * The person's current and coming absences, each with its cover's standing (marked when the cover cannot
     * take work on the day) and who takes the work if it moves today ({@link #coverOf}).
     */
    @Transactional(readOnly = true)
    public List<AbsenceView> upcoming(String username) {
        return absences.findByPersonUsernameAndEndsOnGreaterThanEqualOrderByStartsOn(username, today(username)).stream()
                .map(this::view)
                .toList();
    }

    /**
     * Who is away today (their today, where they are) and who covers for them: the cover marked when they are
     * away, leaving or inactive on their own today, and who takes the work instead ({@link #coverToday}'s chain;
     * nobody when it stays with the absent person).
     */
    @Transactional(readOnly = true)
    public List<AbsenceView> awayToday() {
        // a day either side of the company's today holds everybody's today, wherever they are
        LocalDate today = LocalDate.now(clock.withZone(zones.company()));
        return absences
                .findByStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByEndsOn(
                        today.plusDays(1), today.minusDays(1))
                .stream()
                .filter(a -> a.covers(zones.today(a.getPerson())))
                .map(this::view)
                .toList();
    }

    /**
     * The person covering for {@code username} today ({@link #coverToday}'s holder); empty when they are not
     * away or nobody in their cover chain can take work today, and the work stays with {@code username}.
     */
    @Transactional(readOnly = true)
    public Optional<String> coverFor(String username) {
        return coverToday(username).holder();
    }

    /**
     * Who takes {@code username}'s new work today: when they are away today (their today, where they are),
     * the cover of that absence if the cover can take work on their own today ({@link #unavailableToday}:
     * active, not leaving, not away); else that cover's own cover if the cover is away today, and so on, each
     * judged on their own today, for at most {@value #CHAIN_LIMIT} covers and never back to someone already
     * asked. The one rule for the inbox (new tasks), the commitment mails and the pages that say who covers.
     *
     * @return {@link CoverToday#NOT_AWAY} when they are not away today; else the holder, or nobody
     *     ({@link CoverToday#uncovered}) with why each cover asked cannot
     */
    @Transactional(readOnly = true)
    public CoverToday coverToday(String username) {
        // absences not ended anywhere on earth yet: whoever has none (most people, every time a task or
        // commitment reaches them) costs this one query, and their zone is read only when they have one
        List<Absence> notEnded = absences.findByPersonUsernameAndEndsOnGreaterThanEqualOrderByStartsOn(
                username, LocalDate.now(clock.withZone(EARLIEST_TODAY)));
        if (notEnded.isEmpty()) {
            return CoverToday.NOT_AWAY;
        }
        LocalDate today = zones.today(notEnded.getFirst().getPerson());
        return notEnded.stream()
                .filter(a -> a.covers(today))
                .findFirst()
                .map(this::chain)
                .orElse(CoverToday.NOT_AWAY);
    }

    /**
     * Who takes the work of absence {@code id}'s person if it moved now (the "Move my open tasks" button and
     * {@code POST /api/tasks/to-cover}): its cover, or down the chain as {@link #coverToday}, each judged on
     * their own today, whether or not the absence has begun.
     *
     * @throws NotFoundException when there is no absence {@code id}
     */
    @Transactional(readOnly = true)
    public CoverToday coverOf(long id) {
        return chain(absences.findById(id).orElseThrow(() -> new NotFoundException("absence", id)));
    }

    /** {@link #coverToday}'s chain from {@code absence}'s cover. */
    private CoverToday chain(Absence absence) {
        Set<Long> asked = new HashSet<>(Set.of(absence.getPerson().getId()));
        List<CoverToday.PassedOver> passedOver = new ArrayList<>();
        Absence link = absence;
        for (int i = 0;
                i < CHAIN_LIMIT && link != null && asked.add(link.getDelegate().getId());
                i++) {
            Person cover = link.getDelegate();
            LocalDate theirToday = zones.today(cover);
            Optional<Unavailable> why = why(cover, theirToday, theirToday);
            if (why.isEmpty()) {
                return new CoverToday(true, cover.getUsername(), cover.getFullName(), passedOver);
            }
            passedOver.add(new CoverToday.PassedOver(
                    cover.getFullName(), why.get().mark(), why.get().sentence()));
            link =
                    absences
                            .findByPersonUsernameAndEndsOnGreaterThanEqualOrderByStartsOn(
                                    cover.getUsername(), theirToday)
                            .stream()
                            .filter(a -> a.covers(theirToday))
                            .findFirst()
                            .orElse(null);
        }
        return new CoverToday(true, null, null, passedOver);
    }

    /**
     * Why {@code person} may not be deactivated while they cover someone's absence that has not ended (where
     * its person is): it would keep pointing at them, and its person's new tasks would stay with the absent
     * person. One of the deactivation's refusals ({@link PeopleService#whyNotDeactivate}).
     *
     * @return "Zed Zero covers Olga Reyes's absence from Mon 28 Dec 2026 to Wed 30 Dec 2026: …" naming the
     *     earliest such absence, or empty when they cover none
     */
    @Transactional(readOnly = true)
    public Optional<String> whyNotDeactivateCover(Person person) {
        return absences
                .findByDelegateIdAndEndsOnGreaterThanEqualOrderByStartsOn(
                        person.getId(), LocalDate.now(clock.withZone(EARLIEST_TODAY)))
                .stream()
                .filter(a -> !a.getEndsOn().isBefore(zones.today(a.getPerson())))
                .findFirst()
                .map(a -> person.getFullName() + " covers " + a.getPerson().getFullName() + "'s absence from " + days(a)
                        + ": change its cover on /absences first");
    }

    /**
     * Why {@code person} cannot take over others' work on the days {@code from} to {@code to}
     * (inclusive, days where {@code person} is): inactive, being handed over or leaving the company
     * ({@link Leavers}), or away on one of those days. Empty when they can. The reason reads as a sentence about the person ("Rob Jansen is inactive").
     */
    @Transactional(readOnly = true)
    public Optional<String> unavailable(Person person, LocalDate from, LocalDate to) {
        return why(person, from, to).map(Unavailable::sentence);
    }

    /** Why someone cannot take work: in a word for a list ("away", "leaving", "inactive"), and as a sentence. */
    record Unavailable(String mark, String sentence) {}

    private Optional<Unavailable> why(Person person, LocalDate from, LocalDate to) {
        if (!person.isActive()) {
            return Optional.of(new Unavailable("inactive", person.getFullName() + " is inactive"));
        }
        Optional<String> leaving = leavers.leaving(person);
        if (leaving.isPresent()) {
            return leaving.map(sentence -> new Unavailable("leaving", sentence));
        }
        return absences
                .findByPersonUsernameAndEndsOnGreaterThanEqualOrderByStartsOn(person.getUsername(), from)
                .stream()
                .filter(a -> !a.getStartsOn().isAfter(to))
                .map(a -> new Unavailable(
                        "away",
                        person.getFullName() + " is away from " + dates.day(a.getStartsOn()) + " to "
                                + dates.day(a.getEndsOn())))
                .findFirst();
    }

    /**
     * {@code a} with its cover's standing: whether they can take work on the day (their own today once the absence
     * has begun where its person is, else on any of its days, as when it was recorded), and who takes the work
     * today by {@link #coverOf}'s chain.
     */
    private AbsenceView view(Absence a) {
        Person cover = a.getDelegate();
        LocalDate coverToday = zones.today(cover);
        boolean begun = !a.getStartsOn().isAfter(zones.today(a.getPerson()));
        Optional<Unavailable> why =
                begun ? why(cover, coverToday, coverToday) : why(cover, a.getStartsOn(), a.getEndsOn());
        return AbsenceView.of(a, why.orElse(null), chain(a));
    }

    /** {@link #unavailable(Person, LocalDate, LocalDate)} for today. */
    @Transactional(readOnly = true)
    public Optional<String> unavailableToday(Person person) {
        LocalDate today = zones.today(person);
        return unavailable(person, today, today);
    }

    /** "Mon 28 Dec 2026 to Wed 30 Dec 2026". */
    private String days(Absence a) {
        return dates.day(a.getStartsOn()) + " to " + dates.day(a.getEndsOn());
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
