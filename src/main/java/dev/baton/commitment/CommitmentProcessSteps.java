package dev.baton.commitment;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.audit.Changes;
import dev.baton.people.PeopleLookup;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.Dates;
import dev.baton.shared.NotFoundException;
import dev.baton.shared.SizeInCharacters;
import dev.baton.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commitment process's steps, one method per worker. Decisions go through the same guarded
 * transitions as the API ({@link CommitmentService}), but publish no {@link CommitmentEvents.Changed}:
 * the process itself made the change and reads the commitment again next.
 */
@Service
public class CommitmentProcessSteps {

    private final Commitments commitments;
    private final CommitmentAnswers answers;
    private final CommitmentService service;
    private final CommitmentMails mails;
    private final PeopleService people;
    private final PeopleLookup lookup;
    private final CommitmentSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeZones zones;
    private final RelationshipHolder holders;

    CommitmentProcessSteps(
            Commitments commitments,
            CommitmentAnswers answers,
            CommitmentService service,
            CommitmentMails mails,
            PeopleService people,
            CommitmentSettings settings,
            AuditLog audit,
            Clock clock,
            TimeZones zones,
            PeopleLookup lookup,
            RelationshipHolder holders) {
        this.lookup = lookup;
        this.holders = holders;
        this.commitments = commitments;
        this.answers = answers;
        this.service = service;
        this.mails = mails;
        this.people = people;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.zones = zones;
    }

    /** Reads the commitment for routing, recording which process instance follows it (first read only). */
    @Transactional
    public CommitmentStep read(long id, long processInstanceKey) {
        Commitment c = commitment(id);
        if (c.getProcessInstanceKey() == null) {
            // a bulk update, so recording the key does not change the version API clients hold; only on
            // the first read: a re-routed step reads again, and skips the statement
            commitments.attachProcess(id, processInstanceKey);
        }
        String team = team(c);
        ZoneId zone = dueZone(c);
        CommitmentStage stage = c.stage();
        return new CommitmentStep(
                id,
                c.getAccount().getId(),
                stage,
                c.getVersion(),
                username(c.getOwner()),
                // only the Renegotiate step reads it: the rule's queries (a maker who does not own the account)
                // are spared the reads of every other step, a handover's re-routed ones among them
                stage == CommitmentStage.RENEGOTIATE ? renegotiator(c) : username(c.getMadeBy()),
                team,
                settings.verifyingTeam(),
                escalateTo(c),
                Dates.endOf(c.getDueDate(), zone),
                reminderAt(c, team, zone));
    }

    private String team(Commitment c) {
        return c.getDeliveringTeam() == null
                ? settings.defaultDeliveringTeam()
                : c.getDeliveringTeam().getKey();
    }

    /** The reminder comes at notifyAt local time where the owner is, whatever the offset, the team's days before. */
    private Instant reminderAt(Commitment c, String team, ZoneId zone) {
        return settings.reminderAt(c.getDueDate(), team, zone);
    }

    /**
     * Keeps a person's answer to a commitment step as their step completes: who answered, when, and
     * the text they wrote with it (reason, evidence, new description), so that the text never travels
     * through process variables and the step applying the decision knows whose it is.
     *
     * @param by the user name of the person completing the step
     * @return the id the process carries to {@link #decide}
     */
    @Transactional
    public long keepAnswer(long commitmentId, CommitmentDecision d, String by) {
        return answers.save(new CommitmentAnswer(commitmentId, d, by, clock.instant()))
                .getId();
    }

    /**
     * Applies a task's decision at the version the process read, with the answer kept by {@link
     * #keepAnswer} under {@code answerId}: its text, and its author as the actor on the audit trail
     * (null: the decision as given, by {@code system} — a process whose step completed before answers
     * were kept). A job delivered twice finds a newer version and is refused (409), as is a decision
     * overtaken by a change made meanwhile.
     *
     * @throws IllegalStateException if {@code answerId} names no answer of this commitment
     */
    @Transactional
    public void decide(long id, long version, CommitmentDecision given, Long answerId) {
        Commitment read = commitment(id);
        Changes.requireVersion(version, read.getVersion(), "commitment " + id);
        CommitmentAnswer answer = answerId == null
                ? null
                : answers.findById(answerId)
                        .filter(a -> a.getCommitmentId() == id)
                        .orElseThrow(() -> new IllegalStateException(
                                "commitment " + id + ": no kept answer " + answerId + " for its decision"));
        CommitmentDecision d = answer == null ? given : answer.fill(given);
        check(d, read);
        AuditLog.onBehalfOf(answer == null ? null : answer.getWrittenBy(), () -> apply(id, version, d));
    }

    private CommitmentView apply(long id, long version, CommitmentDecision d) {
        return switch (d.decision()) {
            case "assign", "reassign" ->
                service.reassign(id, owner(d.newOwnerUsername()).getId(), version, false);
            case "accept" -> service.apply(id, version, "accepted", Commitment::accept, false);
            case "reject" -> service.apply(id, version, "rejected", c -> c.reject(d.reason()), false);
            case "renegotiate" ->
                service.apply(
                        id,
                        version,
                        "renegotiated",
                        c -> c.renegotiate(d.newDescription().trim(), d.newDueDate()),
                        false);
            case "cancel" -> service.apply(id, version, "cancelled", c -> c.cancel(d.reason()), false);
            case "deliver" -> service.apply(id, version, "delivered", c -> c.deliver(d.evidence()), false);
            case "verify" -> service.apply(id, version, "verified", Commitment::verify, false);
            case "reopen" -> service.apply(id, version, "reopened", c -> c.reopen(d.reason()), false);
            case "reschedule" ->
                service.apply(id, version, "rescheduled", c -> c.reschedule(d.newDueDate()), d.reason(), false);
            case "breach" -> service.apply(id, version, "breached", c -> c.breach(d.reason()), false);
            default -> throw new IllegalStateException("checked above: " + d.decision());
        };
    }

    /**
     * The rules a decision must meet before it is applied, the same ones {@link #decide} applies, so a
     * task can refuse an answer at its field while it is still open instead of the process refusing it
     * later: a reason to reject, cancel, reopen or breach; evidence to deliver; new terms and a date
     * today or later to renegotiate or reschedule; an existing person to (re)assign. What a person writes
     * is held to the limits the API holds it to, whatever the decision: a new description to a new
     * commitment's ({@link Commitment#DESCRIPTION_MAX}, plain text), a reason or evidence to the API's
     * ({@link Commitment#NOTE_MAX}, plain text).
     *
     * @throws BadRequestException naming the field that is missing or wrong
     */
    @Transactional(readOnly = true)
    public void check(CommitmentDecision d) {
        ZoneId zone = zones.current();
        check(d, due -> future(due, earliest(zones.today(zones.company()), zones.today(zone))));
    }

    /**
     * As {@link #check(CommitmentDecision)} for a step of commitment {@code commitmentId}: a new due date is
     * judged where the commitment's is ({@link CommitmentService#requireDueDateOpen}: the owner's zone, the
     * company's for none), so a step refuses a day already ended there instead of the process escalating
     * it at once.
     */
    @Transactional(readOnly = true)
    public void check(CommitmentDecision d, long commitmentId) {
        check(d, commitment(commitmentId));
    }

    private void check(CommitmentDecision d, Commitment c) {
        check(d, due -> service.requireDueDateOpen(required("newDueDate", due), c.getOwner(), "newDueDate"));
    }

    private void check(CommitmentDecision d, Consumer<LocalDate> future) {
        switch (d.decision() == null ? "" : d.decision()) {
            case "assign", "reassign" -> owner(d.newOwnerUsername());
            case "accept", "verify" -> {}
            case "reject", "cancel", "reopen", "breach" -> required("reason", d.reason());
            case "renegotiate" -> {
                required("newDescription", d.newDescription());
                future.accept(d.newDueDate());
            }
            case "deliver" -> required("evidence", d.evidence());
            case "reschedule" -> future.accept(d.newDueDate());
            default -> throw new BadRequestException("decision", "unknown decision '" + d.decision() + "'");
        }
        written("newDescription", d.newDescription(), Commitment.DESCRIPTION_MAX);
        written("reason", d.reason(), Commitment.NOTE_MAX);
        written("evidence", d.evidence(), Commitment.NOTE_MAX);
    }

    /**
     * Free text a person wrote into a step, held to what the API's own checks ({@code @Size}, {@link
     * dev.baton.shared.PlainText}) would say of it, in their words: at most {@code max} characters, and
     * plain text. Null is fine.
     */
    private static void written(String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (SizeInCharacters.characters(value) > max) {
            throw new BadRequestException(field, SizeInCharacters.atMost(max));
        }
        String problem = Text.notPlainText(value);
        if (problem != null) {
            throw new BadRequestException(field, problem);
        }
    }

    /** The person an "assign" or "reassign" decision names (400 at {@code newOwnerUsername} when nobody is). */
    Person newOwner(CommitmentDecision d) {
        return owner(d.newOwnerUsername());
    }

    /**
     * Queues the "due soon" reminder to the current owner (once per owner and due date) while the
     * current due date is soon: from its reminder time until the due day has ended where the owner is.
     * Not after: a commitment accepted or re-routed after its reminder time enters the deliver step with
     * both timers past, and the overdue escalation is then what is true. Not before: a reminder job for
     * the old date that arrives after a reschedule to a later date must not call that date "due soon".
     * Read under a share lock ({@link #dueDateAsCommitted}), so a reschedule being committed is not missed.
     */
    @Transactional
    public void remind(long id) {
        Commitment c = dueDateAsCommitted(id);
        ZoneId zone = dueZone(c);
        Instant now = clock.instant();
        if (c.stage() == CommitmentStage.DELIVER
                && !now.isBefore(reminderAt(c, team(c), zone))
                && now.isBefore(Dates.endOf(c.getDueDate(), zone))) {
            mails.reminder(c);
        }
    }

    /**
     * Queues the overdue escalation to whoever decides it ({@link OverdueDecider}: the nearest active manager
     * above the owner, ...), once per due date, and audits it, while
     * delivery is still awaited: a job delivered again after the commitment was delivered or closed
     * (which withdrew the waiting mail, freeing its key) queues nothing.
     *
     * @return the user name of whom the overdue decision goes to, read now: the owner may have changed
     *     since the process last read the commitment (a handover moves its waiting step without it)
     */
    @Transactional
    public String escalate(long id) {
        Commitment c = dueDateAsCommitted(id);
        String escalateTo = escalateTo(c);
        if (!CommitmentStatus.AWAITING_DELIVERY.contains(c.getStatus())) {
            return escalateTo;
        }
        Person to = people.signedIn(escalateTo);
        if (mails.overdue(c, to)) {
            audit.record(
                    "commitment.escalated",
                    "commitment",
                    id,
                    c.getAccount().getId(),
                    null,
                    fields(
                            "escalatedTo",
                            to.getUsername(),
                            "dueDate",
                            c.getDueDate().toString()));
        }
        return escalateTo;
    }

    /**
     * Open commitments no process follows yet, recorded over a minute ago, by id after {@code afterId}
     * (the sweep); {@code accountId} null for all accounts, else only that account's.
     */
    @Transactional(readOnly = true)
    public List<CommitmentEvents.Recorded> withoutProcess(long afterId, int limit, Long accountId) {
        return commitments
                .findOpenWithoutProcess(
                        CommitmentStatus.OPEN, afterId, clock.instant().minusSeconds(60), accountId, Limit.of(limit))
                .stream()
                .map(c ->
                        new CommitmentEvents.Recorded(c.getId(), c.getAccount().getId()))
                .toList();
    }

    /**
     * Ids of commitments a process follows that wait for their owner (to accept, deliver or renegotiate)
     * but have no active owner (the invariant); {@code accountId} as for {@link #withoutProcess}.
     */
    @Transactional(readOnly = true)
    public List<Long> withoutActiveOwner(Long accountId) {
        return commitments.findFollowedWithoutActiveOwner(CommitmentStatus.OWNER_ACTS, accountId);
    }

    /** Who renegotiates a rejected promise with the customer: {@link RelationshipHolder#renegotiator}. */
    private String renegotiator(Commitment c) {
        return holders.renegotiator(c, c.getAccount().getOwner());
    }

    /** Where the commitment's due date is judged: {@link CommitmentService#dueZone}. */
    private ZoneId dueZone(Commitment c) {
        return service.dueZone(c);
    }

    /** Who decides the commitment once overdue: {@link OverdueDecider}. */
    private String escalateTo(Commitment c) {
        return OverdueDecider.of(c).person().getUsername();
    }

    /** The new owner as typed: user name, e-mail address or an active person's full name ({@link PeopleLookup#typed}). */
    private Person owner(String typed) {
        return lookup.typed(required("newOwnerUsername", typed), "newOwnerUsername");
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Today or later, where "today" is the earliest of the company's and the person's answering, for an
     * answer whose commitment is not known (a step of another playbook using a commitment form, without the
     * commitment as its subject): its owner, and so where its date is judged, is unknown; should the answer
     * reach a commitment's decision, {@link #decide} judges it there. One whose commitment is known is judged where its owner is (the company's
     * zone for none: {@link CommitmentService#dueZone}).
     */
    private static LocalDate future(LocalDate due, LocalDate today) {
        if (required("newDueDate", due).isBefore(today)) {
            throw new BadRequestException("newDueDate", "must be today or later");
        }
        return due;
    }

    private static <T> T required(String field, T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new BadRequestException(field, "is required for this decision");
        }
        return value;
    }

    private static String username(Person person) {
        return person == null ? null : person.getUsername();
    }

    /**
     * The commitment read under a share lock on its row. A reminder or escalation reads the due date and
     * queues a mail naming it, while a reschedule changes the date and withdraws the waiting mails about
     * the old one: without the lock, a job that read the old date before the reschedule committed could
     * queue its mail after the withdrawal, and the owner was reminded of a date no longer true.
     */
    private Commitment dueDateAsCommitted(long id) {
        commitments.lockForShare(id);
        return commitment(id);
    }

    private Commitment commitment(long id) {
        return commitments.findForProcessStepById(id).orElseThrow(() -> new NotFoundException("commitment", id));
    }
}
