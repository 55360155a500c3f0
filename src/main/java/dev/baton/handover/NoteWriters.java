package dev.baton.handover;

import dev.baton.handover.engine.HandoverBpmn;
import dev.baton.people.AbsenceService;
import dev.baton.people.AbsenceView;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.Dates;
import dev.baton.task.Task;
import dev.baton.task.TaskAssignments;
import dev.baton.task.TaskCoverRule;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSubject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who writes a handover note when the departing person cannot: one rule for the note step (a {@link
 * TaskCoverRule}), the departing person's notes mail, the plan preview's warning and the notes page's
 * "why someone else holds it". While the departing person is away, their absence's cover writes the
 * note, unless the cover is the account's successor: nobody writes an account's handover note for
 * himself (session 46's probe: the successor was writing his notes to himself). Then the manager who
 * launched the handover writes it, the person account-handover.bpmn's "Write missing handover note"
 * step names ({@code managerUsername}) for a note the departing person did not write by the effective
 * date; or, when that manager is away too, the manager's cover if that is not the successor. The same
 * rule routes the departing person's "Answer successor question" step: a successor covering for her
 * would answer his own question, so the manager answers it in her place.
 */
@Component
class NoteWriters implements TaskCoverRule {

    /**
     * The departing person is away today, and who holds their notes meanwhile.
     *
     * @param cover who covers for them (and writes the notes of the accounts going to someone else)
     * @param until the absence's last day
     * @param byCover accounts whose note the cover writes
     * @param byManager accounts whose note the manager writes, as the cover takes them over
     * @param undecided accounts whose successor the manager chooses later (the cover writes the note,
     *     or the manager where the cover is chosen)
     */
    record Away(Person cover, LocalDate until, long byCover, long byManager, long undecided) {

        /**
         * Who holds which note, told to the departing person: "Rob Jansen, who covers for you, writes the notes of 4
         * accounts; Maria Rossi, your manager, writes the notes of the 10 accounts Rob Jansen takes over (nobody
         * writes an account's handover note for himself)."
         */
        String toDeparting(String managerName) {
            return sentence(
                    cover.getFullName() + ", who covers for you, writes",
                    managerName + ", your manager, writes",
                    managerName);
        }

        /** Who holds which note, told to the manager launching the handover: as {@link #toDeparting}, "you write". */
        String toManager(String departingName) {
            return sentence(cover.getFullName() + ", who covers for " + departingName + ", writes", "you write", "you");
        }

        private String sentence(String coverWrites, String managerWrites, String manager) {
            String name = cover.getFullName();
            List<String> parts = new ArrayList<>();
            if (byCover > 0) {
                parts.add(coverWrites + " the " + notesOf(byCover));
            }
            if (byManager > 0) {
                parts.add(managerWrites + (byManager == 1 ? " the note" : " the notes") + " of the "
                        + accounts(byManager) + " " + name + " takes over"
                        + " (nobody writes an account's handover note for himself)");
            }
            if (undecided > 0) {
                parts.add("the " + notesOf(undecided) + " whose successor is still to be chosen go to " + name
                        + ", or to " + manager + " where " + name + " is chosen");
            }
            String line = String.join("; ", parts) + ".";
            return Character.toUpperCase(line.charAt(0)) + line.substring(1);
        }

        private static String notesOf(long n) {
            return (n == 1 ? "note of " : "notes of ") + accounts(n);
        }

        private static String accounts(long n) {
            return n + (n == 1 ? " account" : " accounts");
        }
    }

    private final HandoverItems items;
    private final AbsenceService absences;
    private final PeopleLookup people;
    private final TimeZones zones;
    private final TaskService tasks;
    private final TaskAssignments assignments;

    NoteWriters(
            HandoverItems items,
            AbsenceService absences,
            PeopleLookup people,
            TimeZones zones,
            TaskService tasks,
            TaskAssignments assignments) {
        this.items = items;
        this.absences = absences;
        this.people = people;
        this.zones = zones;
        this.tasks = tasks;
        this.assignments = assignments;
    }

    /** An open step this rule routes, and whom the inbox gave it before an amend ({@link TaskService#holderToday}). */
    record Routed(Task task, String holder) {}

    /**
     * Before an amend changes {@code item}'s successor: its open steps this rule routes (the note, the answer to
     * the successor's question) that are the departing person's, each with whom the rule gives it now. Hand them
     * to {@link #followAmend} once the successor has changed.
     */
    @Transactional(readOnly = true)
    List<Routed> beforeAmend(HandoverItem item) {
        String departing = item.getHandover().getDeparting().getUsername();
        return tasks
                .openAbout(
                        new TaskSubject(
                                HandoverTaskSubject.SUBJECT_TYPE,
                                item.getHandover().getId()),
                        List.of(item.getAccount().getId()))
                .stream()
                .filter(t -> item.getAccount().getId().equals(t.getAccountId())
                        && NOT_THE_SUCCESSORS.contains(t.getFormKey())
                        && departing.equals(
                                t.getOriginalAssignee() != null ? t.getOriginalAssignee() : t.getAssignee()))
                .map(t -> new Routed(t, tasks.holderToday(t)))
                .toList();
    }

    /**
     * After an amend changed {@code item}'s successor: each step {@link #beforeAmend} found follows this rule
     * again ({@link TaskAssignments#followCoverRule}), so nobody holds the note or the answer of an account he
     * now takes over (session 46's second probe: the cover, made the successor, kept writing its note), and a
     * step the rule gave the manager goes back to the cover who no longer takes the account over. A step
     * handed on by hand to someone else stays. In the amend's transaction; repeated, it moves nothing.
     */
    void followAmend(HandoverItem item, List<Routed> before) {
        String how = "the handover's note rule: " + item.getSuccessor().getFullName() + " now takes "
                + item.getAccount().getName() + " over";
        before.forEach(r -> assignments.followCoverRule(r.task(), r.holder(), how));
    }

    /**
     * The departing person's steps for one account that its successor must not hold for her: the note,
     * and the answer to the successor's own question.
     */
    private static final Set<String> NOT_THE_SUCCESSORS =
            Set.of(HandoverTaskAnswers.NOTE_FORM, HandoverTaskAnswers.ANSWER_FORM);

    /**
     * A note or answer step whose cover is the account's successor goes to the manager instead (see the
     * class); also where the departing person moves her open steps to her cover herself.
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> insteadOfCover(Task task, String cover) {
        if (task.getFormKey() == null
                || !NOT_THE_SUCCESSORS.contains(task.getFormKey())
                || task.getSubject() == null
                || !HandoverTaskSubject.SUBJECT_TYPE.equals(task.getSubject().type())
                || task.getAccountId() == null) {
            return Optional.empty();
        }
        return items.findByHandoverIdAndAccountId(task.getSubject().id(), task.getAccountId())
                .filter(item -> item.getSuccessor() != null
                        && item.getSuccessor().getUsername().equals(cover))
                .map(item -> managerInsteadOf(item.getHandover(), cover));
    }

    /**
     * The departing person of {@code h} is away today (as {@link AbsenceService#coverFor} judges it, the rule
     * new tasks follow): who writes which of the notes, for the accounts going to {@code successors}.
     *
     * @param successors each account's successor's user name, null for one the manager chooses later
     * @return empty when the departing person is not away today (they write their notes themselves)
     */
    @Transactional(readOnly = true)
    Optional<Away> away(Person departing, Collection<String> successors) {
        return absences.coverFor(departing.getUsername())
                .flatMap(cover -> absence(departing)
                        .map(a -> new Away(
                                people.byUsername(cover).orElseThrow(),
                                a.endsOn(),
                                successors.stream()
                                        .filter(s -> s != null && !s.equals(cover))
                                        .count(),
                                successors.stream().filter(cover::equals).count(),
                                successors.stream().filter(Objects::isNull).count())));
    }

    /**
     * Why {@code task}, a note step of {@code item}, is with someone other than the departing person, as
     * one sentence to {@code viewer} ("Rob Jansen covers for you while you are away (until Thu 10 Dec
     * 2026) and writes this note."); null when the departing person holds it, or nobody does.
     */
    @Transactional(readOnly = true)
    String heldBecause(HandoverItem item, Task task, String viewer) {
        Handover h = item.getHandover();
        Person departing = h.getDeparting();
        String holderName = task.getAssignee();
        if (holderName == null || holderName.equals(departing.getUsername())) {
            return null;
        }
        Person holder = people.byUsername(holderName).orElseThrow();
        Words w = new Words(viewer);
        if (HandoverBpmn.Account.TASK_WRITE_MISSING_NOTE.equals(task.getElementId())) {
            String manager = holderName.equals(h.getLaunchedBy())
                    ? ", " + w.possessive(departing) + " manager,"
                    : ", in place of " + w.possessive(departing) + " manager,";
            return w.capital(w.name(holder)) + manager + " " + w.verb(holder, "write")
                    + " this note: the effective date has passed.";
        }
        // the cover chain's holder today: the absence's own cover, or theirs when that cover is away too
        String cover = absences.coverFor(departing.getUsername()).orElse(null);
        Optional<AbsenceView> away = cover == null ? Optional.empty() : absence(departing);
        if (away.isPresent() && holderName.equals(cover)) {
            return w.capital(w.name(holder)) + " " + w.verb(holder, "cover") + " for " + w.name(departing)
                    + " while " + w.name(departing) + " " + w.be(departing) + " away (until "
                    + Dates.calendarDay(away.get().endsOn()) + ") and " + w.verb(holder, "write") + " this note.";
        }
        if (away.isPresent()
                && item.getSuccessor() != null
                && cover.equals(item.getSuccessor().getUsername())
                && holderName.equals(h.getLaunchedBy())) {
            return w.capital(w.name(holder)) + ", " + w.possessive(departing) + " manager, " + w.verb(holder, "write")
                    + " this note while " + w.name(departing) + " " + w.be(departing) + " away: "
                    + people.fullName(cover) + ", who covers for " + w.name(departing)
                    + ", takes this account over, and nobody writes an account's handover note for himself.";
        }
        if (departing.getUsername().equals(task.getDelegatedBy())) {
            return w.capital(w.name(departing)) + " handed this note to " + w.name(holder) + ".";
        }
        return "This note was moved to " + w.name(holder) + ", who " + w.verb(holder, "write") + " it now.";
    }

    /**
     * Who answers the successor's question about {@code item} in the departing person's place, as the
     * answer step's page says it: "Dana Berg is away (until Thu 10 Dec 2026), and Rob Jansen, who asked this
     * question, covers for her: Maria Rossi, her manager, answers it in her place (nobody answers their own
     * question)."; empty when the departing person answers it herself or her cover does.
     */
    @Transactional(readOnly = true)
    Optional<String> answeredInPlace(HandoverItem item) {
        Handover h = item.getHandover();
        Person departing = h.getDeparting();
        if (item.getSuccessor() == null) {
            return Optional.empty();
        }
        String successor = item.getSuccessor().getUsername();
        return absences.coverFor(departing.getUsername())
                .filter(successor::equals)
                .flatMap(cover -> absence(departing))
                .map(a -> {
                    String answerer = managerInsteadOf(h, successor);
                    String who = people.fullName(answerer)
                            + (answerer.equals(h.getLaunchedBy())
                                    ? ", " + departing.getFullName() + "'s manager,"
                                    : ", in place of " + departing.getFullName() + "'s manager,");
                    return departing.getFullName() + " is away (until " + Dates.calendarDay(a.endsOn()) + "), and "
                            + item.getSuccessor().getFullName() + ", who asked this question, covers for "
                            + departing.getFullName() + ": " + who + " answers it in "
                            + departing.getFullName() + "'s place (nobody answers their own question).";
                });
    }

    /** The manager of {@code h}, or their cover when they are away and that is not {@code successor}. */
    private String managerInsteadOf(Handover h, String successor) {
        String manager = h.getLaunchedBy();
        return absences.coverFor(manager).filter(c -> !c.equals(successor)).orElse(manager);
    }

    /**
     * The departing person's absence today, whoever its own cover is: when that cover is away too, the chain's
     * holder ({@link AbsenceService#coverFor}) takes the work (session 46's second probe: looking for the absence
     * whose cover is the holder found none down a chain, and the away person was asked to write every note).
     */
    private Optional<AbsenceView> absence(Person departing) {
        LocalDate today = zones.today(departing);
        return absences.upcoming(departing.getUsername()).stream()
                .filter(a -> !a.startsOn().isAfter(today))
                .findFirst();
    }

    /** A sentence's people as the viewer reads them: "you" for the viewer, else their full name. */
    private record Words(String viewer) {

        String name(Person p) {
            return you(p) ? "you" : p.getFullName();
        }

        String possessive(Person p) {
            return you(p) ? "your" : p.getFullName() + "'s";
        }

        String verb(Person p, String verb) {
            return you(p) ? verb : verb + "s";
        }

        String be(Person p) {
            return you(p) ? "are" : "is";
        }

        String capital(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        private boolean you(Person p) {
            return p.getUsername().equals(viewer);
        }
    }
}
