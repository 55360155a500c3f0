package dev.baton.handover;

import static dev.baton.audit.Changes.fields;

import dev.baton.account.Account;
import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.people.Role;
import dev.baton.people.TimeZones;
import dev.baton.shared.AdvisoryLocks;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.Dates;
import dev.baton.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Launching a handover: every check first (bad input changes nothing), then the handover and one
 * item per account in one transaction, then the start of its process. The handover stays STARTING
 * until the process reports back; should the start not arrive (engine down, app stopped in
 * between), the event publication registry delivers the {@link HandoverEvents.Launched} event again,
 * and the engine never runs two processes for one handover.
 */
@Service
public class HandoverService {

    private final Handovers handovers;
    private final HandoverItems items;
    private final PeopleService people;
    private final Book book;
    private final SuccessorRules rules;
    private final SuccessorPlanner planner;
    private final HandoverProcess process;
    private final AuditLog audit;
    private final TimeZones zones;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ReportingLines lines;
    private final SuccessorCandidates candidates;
    private final HandoverMails mails;
    private final HandoverLeads leads;
    private final AdvisoryLocks locks;
    private final NoteWriters writers;

    HandoverService(
            Handovers handovers,
            HandoverItems items,
            PeopleService people,
            Book book,
            SuccessorRules rules,
            SuccessorPlanner planner,
            HandoverProcess process,
            AuditLog audit,
            TimeZones zones,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            ReportingLines lines,
            SuccessorCandidates candidates,
            HandoverMails mails,
            HandoverLeads leads,
            AdvisoryLocks locks,
            NoteWriters writers) {
        this.writers = writers;
        this.locks = locks;
        this.leads = leads;
        this.candidates = candidates;
        this.mails = mails;
        this.events = events;
        this.lines = lines;
        this.handovers = handovers;
        this.items = items;
        this.people = people;
        this.book = book;
        this.rules = rules;
        this.planner = planner;
        this.process = process;
        this.audit = audit;
        this.zones = zones;
        this.tx = tx;
    }

    /**
     * Saves the handover (STARTING) with its items and, in the same transaction, the {@link
     * HandoverEvents.Launched} event that starts its process after commit (again after a crash or an
     * engine outage, until delivered: see {@code HandoverStarter}).
     *
     * @return the handover's id
     */
    public long launch(LaunchRequest r, String manager) {
        try {
            return tx.execute(status -> create(r, manager)).getId();
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException("a handover of this person is already running");
        }
    }

    /** Sends the start of a handover's process; harmless when it runs already (see {@link HandoverProcess}). */
    public void start(long handoverId) {
        // read in a transaction, sent outside it: no database connection waits on the engine
        Runnable send = tx.execute(status -> {
            Handover h =
                    handovers.findById(handoverId).orElseThrow(() -> new NotFoundException("handover", handoverId));
            if (!h.getStatus().isActive()) {
                return () -> {}; // cancelled before its process started: nothing to start
            }
            List<Long> itemIds = items.findByHandoverIdOrderById(handoverId).stream()
                    .map(HandoverItem::getId)
                    .toList();
            String departing = h.getDeparting().getUsername();
            Instant leaveEndsAt =
                    h.getEndDate() == null ? null : Dates.startOf(h.getEndDate(), zones.of(h.getDeparting()));
            Instant effectiveAt = Dates.startOf(h.getEffectiveDate(), zones.of(h.getDeparting()));
            return () -> process.start(handoverId, itemIds, h.getLaunchedBy(), departing, effectiveAt, leaveEndsAt);
        });
        send.run();
    }

    /**
     * The process reports its instance: the handover runs, and the departing person's open leads move
     * on (see {@link HandoverLeads}). A repeated report changes nothing; the
     * instance of a handover cancelled before it reported is cancelled in the engine.
     */
    public void started(long handoverId, long processInstanceKey) {
        boolean cancelled = tx.execute(status -> {
            Handover h =
                    handovers.findById(handoverId).orElseThrow(() -> new NotFoundException("handover", handoverId));
            if (h.started(processInstanceKey)) {
                audit.record(
                        "handover.started",
                        "handover",
                        handoverId,
                        null,
                        null,
                        fields("processInstanceKey", processInstanceKey));
                // one mail for all the notes, instead of a "new task" mail per account (the BPMN's
                // baton:ownAssignmentMail)
                List<HandoverItem> accounts = items.findByHandoverIdOrderById(handoverId);
                if (!accounts.isEmpty()) { // "a handover note for each of your 0 accounts" asked for nothing (probe 45)
                    mails.notesDue(h, accounts.size(), writers.away(h.getDeparting(), successors(accounts)));
                }
                briefSuccessorsAndManager(h);
                leads.move(h);
            }
            return h.getStatus() == HandoverStatus.CANCELLED;
        });
        if (cancelled) {
            process.cancel(processInstanceKey);
        }
    }

    /** Each account's successor's user name, null for one the manager chooses later. */
    static List<String> successors(List<HandoverItem> accounts) {
        return accounts.stream()
                .map(i -> i.getSuccessor() == null ? null : i.getSuccessor().getUsername())
                .toList();
    }

    /**
     * One mail to each successor naming their accounts, and one to the manager naming those they
     * decide on later, instead of a "new task" mail per account and step (the BPMN's
     * baton:ownAssignmentMail on the acknowledgement, call and choice steps).
     */
    private void briefSuccessorsAndManager(Handover h) {
        Map<Long, List<HandoverItem>> bySuccessor = new LinkedHashMap<>();
        List<HandoverItem> unplanned = new ArrayList<>();
        for (HandoverItem item : items.findByHandoverIdOrderById(h.getId())) {
            if (item.getSuccessor() == null) {
                unplanned.add(item);
            } else {
                bySuccessor
                        .computeIfAbsent(item.getSuccessor().getId(), p -> new ArrayList<>())
                        .add(item);
            }
        }
        bySuccessor
                .values()
                .forEach(accounts -> mails.takingOver(h, accounts.getFirst().getSuccessor(), accounts, null));
        if (!unplanned.isEmpty()) {
            mails.successorsToChoose(h, unplanned);
        }
    }

    /**
     * The plan as {@link #launch} would apply it: account id to successor (absent: the manager chooses
     * later). Throws {@code BadRequestException} at {@code introOptOut[i]} for an opt-out outside the
     * book or repeated, and as {@link SuccessorPlanner#plan} for the successors.
     */
    Map<Long, Person> plan(LaunchRequest r, Person departing, Person launcher, List<Account> accounts) {
        planner.requireInBook(r.introOptOut(), departing, accounts);
        return planner.plan(
                r.plan(),
                departing,
                accounts,
                candidates.eligible(departing, launcher),
                p -> candidates.notEligible(p, departing, launcher));
    }

    /**
     * Why nobody could ever take over the book, or null: the plan gives none of the accounts a successor
     * and nobody is eligible ({@link SuccessorCandidates#eligible}), so each "Choose successor" step
     * would offer an empty list and the handover could only be cancelled (found by the session 45
     * probe, a team of one rep). The launch refuses it at {@code plan.mode}, as BALANCE_TEAM refuses a
     * team with nobody else; the plan preview warns of it. A plan that gives some accounts a successor
     * is not refused: someone is there to take the rest.
     *
     * @param plan the planned successors ({@link #plan})
     */
    String nobodyToTakeOver(Person departing, Person launcher, List<Account> accounts, Map<Long, Person> plan) {
        if (accounts.isEmpty()
                || !plan.isEmpty()
                || !candidates.eligible(departing, launcher).isEmpty()) {
            return null;
        }
        String team =
                departing.getTeam() == null ? "their team" : departing.getTeam().getName();
        return "nobody can take over " + departing.getFullName() + "'s "
                + (accounts.size() == 1 ? "account" : accounts.size() + " accounts") + ": no other active rep of "
                + team + " in the line could be chosen as successor. Add one to the team, then launch";
    }

    private Handover create(LaunchRequest r, String manager) {
        requireFields(r);
        // one launch or change of people at a time, before anyone is read: two launches at once could each
        // name the other's departing person as a successor, each passing the rules alone (found by a probe)
        locks.hold(AdvisoryLocks.Subject.PEOPLE_AND_HANDOVERS);
        Person departing = departing(r.departingId(), "departingId", manager);
        validateDates(r, departing);
        requireHandable(departing);
        List<Account> accounts = book.holdAccounts(departing);
        requireSomethingToHandOver(departing);
        Person launcher = people.signedIn(manager);
        Map<Long, Person> successors = plan(r, departing, launcher, accounts);
        String nobody = nobodyToTakeOver(departing, launcher, accounts, successors);
        if (nobody != null) {
            throw new BadRequestException("plan.mode", nobody);
        }
        Handover handover =
                handovers.save(new Handover(departing, manager, r.reason(), r.effectiveDate(), r.endDate()));
        for (Account account : accounts) {
            items.save(new HandoverItem(
                    handover,
                    account,
                    successors.get(account.getId()),
                    r.introOptOut().contains(account.getId())));
        }
        handovers.flush();
        audit.record(
                "handover.launched",
                "handover",
                handover.getId(),
                null,
                null,
                fields(
                        "departing",
                        departing.getUsername(),
                        "reason",
                        r.reason().name(),
                        "effectiveDate",
                        r.effectiveDate().toString(),
                        "accounts",
                        accounts.size(),
                        "planned",
                        successors.size()));
        events.publishEvent(new HandoverEvents.Launched(handover.getId()));
        return handover;
    }

    /**
     * The person exists, is active, and is in the manager's line (an admin may hand over anyone). Nobody
     * but an admin hands over their own book: their manager, whose line they are in, or an admin does.
     *
     * @param field where the request names the person ({@code departingId} in a launch, {@code person}
     *     in a query): every {@link BadRequestException} names it
     */
    Person departing(Long id, String field, String username) {
        if (id == null) {
            throw new BadRequestException(field, "who is handing over is required");
        }
        Person departing = people.referenced(id, field);
        Person me = people.signedIn(username);
        if (!me.hasRole(Role.ADMIN) && departing.getId().equals(me.getId())) {
            // was "Maria Rossi is not in Maria Rossi's line" (probe 45); her manager's line holds her
            throw new AccessDeniedException("you cannot hand over your own book: ask your manager or an admin");
        }
        if (!me.hasRole(Role.ADMIN) && !lines.inLineOf(departing, me)) {
            throw new AccessDeniedException(departing.getFullName() + " is not in " + me.getFullName() + "'s line");
        }
        if (!departing.isActive()) {
            throw new BadRequestException(field, departing.getFullName() + " is inactive");
        }
        return departing;
    }

    /**
     * Refuses to hand over someone a handover is under way for already, or who is still to receive
     * accounts in a running handover: launched, it left those accounts' transfers to fail ("being
     * handed over too") after the successor had been told to take them over (found by a probe). The
     * launch and its plan preview ask it, so the wizard says so before the manager plans the book.
     *
     * @throws ConflictException naming the person and, for incoming accounts, the handovers they come from
     */
    void requireHandable(Person departing) {
        if (rules.isLeaving(departing)) {
            throw new ConflictException(departing.getFullName() + " is already being handed over");
        }
        long incoming = items.countIncomingTo(departing);
        if (incoming > 0) {
            throw new ConflictException(departing.getFullName() + " is the successor of " + incoming
                    + (incoming == 1 ? " account" : " accounts") + " still to move in "
                    + IncomingAccounts.handoversOf(items.departingWithAccountsIncomingTo(departing))
                    + ": choose another successor for " + (incoming == 1 ? "it" : "them")
                    + " there first, then hand " + departing.getFullName() + " over");
        }
    }

    /**
     * Refuses to hand over someone who owns nothing a handover moves ({@link Book#hasAnythingToHandOver}):
     * the launch and its plan preview ask it, and the wizard's list leaves such people out by the same rule.
     *
     * @throws BadRequestException at {@code departingId}, naming the person
     */
    void requireSomethingToHandOver(Person departing) {
        if (!book.hasAnythingToHandOver(departing)) {
            throw new BadRequestException("departingId", departing.getFullName() + " owns nothing to hand over");
        }
    }

    /**
     * Every missing required field named in one refusal (the wizard's form, which bean validation does
     * not see; the API's {@code @NotNull}s say the same): one at a time, a client fixing the reason
     * learnt next of the date.
     */
    private static void requireFields(LaunchRequest r) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (r.departingId() == null) {
            missing.put("departingId", LaunchRequest.DEPARTING_REQUIRED);
        }
        if (r.reason() == null) {
            missing.put("reason", LaunchRequest.REASON_REQUIRED);
        }
        if (r.effectiveDate() == null) {
            missing.put("effectiveDate", LaunchRequest.EFFECTIVE_DATE_REQUIRED);
        }
        if (!missing.isEmpty()) {
            throw new BadRequestException(missing);
        }
    }

    /** Today and the dates are the departing person's days: the effective date is their last one. */
    private void validateDates(LaunchRequest r, Person departing) {
        if (r.effectiveDate().isBefore(zones.today(departing))) {
            throw new BadRequestException("effectiveDate", "must be today or later");
        }
        boolean leave = r.reason() == HandoverReason.LEAVE_OF_ABSENCE;
        if (leave && (r.endDate() == null || !r.endDate().isAfter(r.effectiveDate()))) {
            throw new BadRequestException("endDate", "a leave of absence needs an end date after the effective date");
        }
        if (!leave && r.endDate() != null) {
            throw new BadRequestException("endDate", "only a leave of absence has an end date");
        }
    }
}
