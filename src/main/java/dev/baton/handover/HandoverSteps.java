package dev.baton.handover;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditLog;
import dev.baton.handover.engine.HandoverBpmn;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.AdvisoryLocks;
import dev.baton.shared.Dates;
import dev.baton.shared.NotFoundException;
import dev.baton.task.Task;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSubject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automated steps of one account's handover, one method per step, each in one transaction and
 * idempotent: the engine delivers a job at least once, so a second call finds its change made and
 * changes nothing (no second transfer, audit event or mail).
 */
@Service
public class HandoverSteps {

    /** What the account's process needs to run: usernames for assignment, dates for timers. */
    public record AccountStart(
            long accountId,
            long handoverId,
            String departing,
            String manager,
            String successor,
            Instant noteDueAt,
            boolean introOptOut) {}

    /** The note form's fields, stored together as the account's handover note. */
    public static final List<String> NOTE_FIELDS = List.of(
            "relationshipSummary", "keyContacts", "historyHighlights", "openCommitmentsAndRisks", "contactsToReverify");

    public record Acknowledged(boolean questionOpen, Instant introCallDueAt, Instant introReminderAt) {}

    private final HandoverItems items;
    private final PeopleLookup people;
    private final BookTransfer transfer;
    private final SuccessorCandidates candidates;
    private final HandoverMails mails;
    private final HandoverSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final TimeZones zones;
    private final JdbcClient jdbc;
    private final AdvisoryLocks locks;
    private final TaskService tasks;

    HandoverSteps(
            HandoverItems items,
            PeopleLookup people,
            BookTransfer transfer,
            SuccessorCandidates candidates,
            HandoverMails mails,
            HandoverSettings settings,
            AuditLog audit,
            Clock clock,
            TimeZones zones,
            JdbcClient jdbc,
            AdvisoryLocks locks,
            TaskService tasks) {
        this.tasks = tasks;
        this.locks = locks;
        this.zones = zones;
        this.jdbc = jdbc;
        this.items = items;
        this.people = people;
        this.transfer = transfer;
        this.candidates = candidates;
        this.mails = mails;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What the account's process starts with, read in one statement (no entities: the step changes
     * nothing, and it runs once per account of every handover), outside any transaction of its own.
     *
     * @throws NotFoundException when there is no item {@code itemId}
     */
    public AccountStart prepare(long itemId) {
        return jdbc.sql("""
                        select i.account_id, h.id handover_id, d.username departing, d.time_zone departing_zone,
                               h.launched_by, s.username successor, h.effective_date, i.intro_opt_out
                        from handover_item i join handover h on h.id = i.handover_id
                        join person d on d.id = h.departing_id left join person s on s.id = i.successor_id
                        where i.id = ?""")
                .param(itemId)
                .query((rs, row) -> new AccountStart(
                        rs.getLong("account_id"),
                        rs.getLong("handover_id"),
                        rs.getString("departing"),
                        rs.getString("launched_by"),
                        rs.getString("successor"),
                        Dates.endOf(
                                rs.getObject("effective_date", LocalDate.class),
                                zones.ofStored(rs.getString("departing_zone"))),
                        rs.getBoolean("intro_opt_out")))
                .optional()
                .orElseThrow(() -> new NotFoundException("handover item", itemId));
    }

    /**
     * The manager's choice for an unplanned account, by the rules of the handover's launch ({@link
     * SuccessorCandidates#notEligible(Person, Handover)}): the step's completion checked it already, so
     * this catches only a step completed around Baton, or a successor who stopped being eligible since.
     *
     * @param username the chosen person's user name (or e-mail)
     * @return the successor's user name; the one recorded before when the job arrives twice
     * @throws InvalidSuccessor for nobody, or someone the rules refuse: the process asks the manager again
     */
    @Transactional
    public String chooseSuccessor(long itemId, String username) {
        // as a change of successor (HandoverChanges): judged after any change of people under way
        locks.hold(AdvisoryLocks.Subject.PEOPLE_AND_HANDOVERS);
        HandoverItem item = item(itemId);
        if (item.getSuccessor() != null) {
            return item.getSuccessor().getUsername();
        }
        Person chosen = people.byUsernameOrEmail(username == null ? "" : username.trim())
                .orElseThrow(() -> new InvalidSuccessor("there is nobody called '" + username + "'"));
        String why = candidates.notEligible(chosen, item.getHandover());
        if (why != null) {
            throw new InvalidSuccessor(why);
        }
        item.chooseSuccessor(chosen);
        AuditEvent chosenEvent = record("handover.successor-chosen", item, fields("successor", chosen.getUsername()));
        mails.takingOver(item.getHandover(), chosen, List.of(item), chosenEvent.getId());
        return chosen.getUsername();
    }

    /** The note a job carried (a step completed around Baton): the first one stays, as the job may arrive twice. */
    @Transactional
    public void saveNote(long itemId, Map<String, Object> note, String author) {
        HandoverItem item = item(itemId);
        if (item.writeNote(note, author, clock.instant())) {
            record("handover.note-written", item, fields("by", author));
        }
    }

    /**
     * The note its author answered the step with, for an item the caller read in its transaction: it
     * replaces a note an earlier answer stored, which the engine then refused ({@link
     * HandoverItem#answerNote}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void answerNote(HandoverItem item, Map<String, Object> note, String author) {
        if (item.answerNote(note, author, clock.instant())) {
            record("handover.note-written", item, fields("by", author));
        }
    }

    /**
     * The account, its open commitments and its open tasks move from the departing person to the
     * successor in this one transaction. Only what the departing person still owns moves, so a second
     * delivery (or a manager who moved something by hand meanwhile) moves nothing twice. The moves
     * carry out the handover its manager launched, so the audit trail names them ({@link
     * AuditLog#onBehalfOf}), not {@code system}.
     *
     * <p>The successor is checked again first, by the whole rule of the handover's launch ({@link
     * SuccessorCandidates#notEligible(Person, Handover)}, the rule amending and the candidates use): one
     * who became inactive, is being handed over or is leaving the company since they were chosen must
     * not receive the account, which would be orphaned on their last day, nor one whose role, team or
     * manager changed so that the launch's rule no longer admits them (found by session 47's probe: a
     * sales account moved to a customer-success rep in another manager's line). The refusal is permanent: the step stops
     * where its manager sees it and is mailed ({@code TransferFailures}, {@link #transferFailed}), and
     * choosing another successor on the handover's page starts it again. An account that has moved
     * already is not checked again: the job delivered twice still completes.
     *
     * @return the successor's user name (the manager may have changed the successor since the start),
     *     and whether the step had failed for good before ({@link #transferFailed}): only then is there a
     *     problem listed to resolve, so the many transfers that never failed pay nothing for it
     * @throws InvalidSuccessor saying why the successor can no longer take the account; nothing moved
     */
    @Transactional
    public Transferred transferOwnership(long itemId) {
        HandoverItem item = item(itemId);
        Person from = item.getHandover().getDeparting();
        Person to = item.getSuccessor();
        if (item.getTransferredAt() == null) {
            String why = candidates.notEligible(to, item.getHandover());
            if (why != null) {
                throw new InvalidSuccessor(why);
            }
        }
        boolean failedBefore = item.transferFailedBefore();
        return AuditLog.onBehalfOf(item.getHandover().getLaunchedBy(), () -> {
            transfer.handOver(item.getAccount(), from, to);
            if (item.transferred(clock.instant())) {
                record(
                        "handover.ownership-transferred",
                        item,
                        fields("from", from.getUsername(), "to", to.getUsername()));
            }
            return new Transferred(to.getUsername(), failedBefore);
        });
    }

    /**
     * What {@link #transferOwnership} did.
     *
     * @param successor the user name of whom the account went to
     * @param failedBefore whether the step had failed for good before it went through this time
     */
    public record Transferred(String successor, boolean failedBefore) {}

    /**
     * The transfer step failed for good (a refusal no retry cures, or the last retry): kept on the
     * item, which shows it until its manager starts the step again ({@link
     * HandoverChanges#changeSuccessor}, {@link HandoverChanges#retryTransfer}), and on the account's
     * timeline, and mailed to the manager who launched the handover. A second report of the same
     * failure (a job delivered twice) changes nothing and mails nobody.
     *
     * @param reason why, in words (e.g. "Sam Lee is leaving the company on 4 December 2026 and cannot take over accounts")
     * @param stuck where the engine holds the step
     * @return the problem as the admins' problems page lists it: the handover, the account, the
     *     reason and the way out
     */
    @Transactional
    public String transferFailed(long itemId, String reason, StuckTransfer stuck) {
        HandoverItem item = item(itemId);
        Handover h = item.getHandover();
        String to = item.getSuccessor() == null ? "?" : item.getSuccessor().getFullName();
        if (item.transferFailed(clock.instant(), reason, stuck)) {
            record(
                    "handover.transfer-failed",
                    item,
                    fields(
                            "to",
                            item.getSuccessor() == null
                                    ? null
                                    : item.getSuccessor().getUsername(),
                            "reason",
                            reason));
            mails.transferFailed(item, to, reason, stuck);
        }
        return "The handover " + h.getId() + " of " + h.getDeparting().getFullName() + " could not move "
                + item.getAccount().getName() + " to " + to + ": " + reason + ". Its manager can choose another"
                + " successor on the handover's page, or retry the transfer there once the cause is fixed.";
    }

    /**
     * Keeps the successor's question on the account's item as their acknowledgement step completes
     * ({@code HandoverTaskAnswers}), so its text lives here and never in process variables. It is asked
     * (the item's open question, audited) only when the process takes the answer ({@link #acknowledge}):
     * a step its process closed before the answer arrived (a cancel, a change of successor) asks nobody
     * and leaves the item's last question and answer as they were (found by the session 35 review: the
     * question was asked at once, and stayed open with nobody to answer it). The same question kept again
     * replaces the one waiting.
     *
     * @throws IllegalArgumentException if no question is written or the departing person can no
     *     longer answer: it is never taken as an acknowledgement, which would mail the customer
     */
    @Transactional
    public void askQuestion(long itemId, String question, String by) {
        askQuestion(item(itemId), question, by);
    }

    /** {@link #askQuestion(long, String, String)} for an item the caller read in its transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void askQuestion(HandoverItem item, String question, String by) {
        requireAskable(item, question);
        item.questionToAsk(question.strip(), by);
    }

    /**
     * The variable naming who completed the acknowledgement step ({@code HandoverTaskAnswers}, never
     * from the form), so that {@link #acknowledge} audits the acknowledgement in their name.
     */
    public static final String ACKNOWLEDGED_BY = "acknowledgedBy";

    /**
     * The acknowledgement step's outcome for the process, which took the successor's answer: a question
     * keeps the account unacknowledged and is asked now (the question kept by {@link #askQuestion} when
     * the step completed becomes the item's open question, audited in the successor's name; {@code
     * question} is only sent by processes started before that, and asked the same way); otherwise the
     * successor has it and the introduction call is due. Idempotent: a second delivery finds the question
     * open and asks nothing again, or the account acknowledged and records nothing again.
     *
     * <p>The acknowledgement is audited in the name of whoever completed the step ({@code acknowledgedBy},
     * which the step's completion gives the process; the successor for a process started before that),
     * as the question is: the account's timeline showed "Rita Okafor acknowledged the handover note"
     * under Baton (found by the session 40 probe). For an account whose customer gets no introduction
     * mail ({@link HandoverItem#isIntroOptOut}) the acknowledgement is where the process leaves the mail
     * out, so that is recorded too, once, for the account's timeline, which said nothing of it.
     *
     * @param acknowledgedBy the user name of who completed the acknowledgement step, or null (not known)
     * @throws IllegalArgumentException if a question was chosen but none is open on the item
     */
    @Transactional
    public Acknowledged acknowledge(long itemId, boolean asking, String question, String acknowledgedBy) {
        // the successor is all an acknowledgement reads; a question reads the departing person lazily
        HandoverItem item =
                items.findWithSuccessorById(itemId).orElseThrow(() -> new NotFoundException("handover item", itemId));
        HandoverItem.Asked asked = item.takeAskedQuestion();
        if (asking) {
            if (question != null) {
                keepQuestion(item, question, null);
            } else if (asked != null) {
                AuditLog.onBehalfOf(asked.by(), () -> {
                    if (item.ask(asked.question())) {
                        record("handover.question-asked", item, fields("question", asked.question(), "by", asked.by()));
                    }
                    return null;
                });
            } else if (item.getStep() != HandoverStep.QUESTION_OPEN) {
                throw new IllegalArgumentException("handover item " + itemId
                        + ": a question was chosen but none is open; the account is not acknowledged");
            }
            return new Acknowledged(true, null, null);
        }
        if (item.acknowledge(clock.instant())) {
            String by = acknowledgedBy == null || acknowledgedBy.isBlank()
                    ? item.getSuccessor().getUsername()
                    : acknowledgedBy;
            AuditLog.onBehalfOf(by, () -> record("handover.acknowledged", item, fields("by", by)));
            if (item.isIntroOptOut()) {
                record("handover.introduction-opted-out", item, fields("queued", false));
            }
        }
        // calendar days where the successor is: the same local hour after a daylight-saving change
        Instant due = item.getAcknowledgedAt()
                .atZone(zones.of(item.getSuccessor()))
                .plusDays(settings.introCallDays())
                .toInstant();
        return new Acknowledged(false, due, due.minus(settings.introCallReminder()));
    }

    private void keepQuestion(HandoverItem item, String question, String by) {
        requireAskable(item, question);
        if (item.ask(question.strip())) {
            record("handover.question-asked", item, fields("question", question.strip(), "by", by));
        }
    }

    private void requireAskable(HandoverItem item, String question) {
        if (question == null || question.isBlank() || !departingReachable(item.getHandover())) {
            throw new IllegalArgumentException("handover item " + item.getId() + ": a question was chosen but "
                    + (question == null || question.isBlank()
                            ? "none was written"
                            : "the departing person can no longer answer")
                    + "; the account is not acknowledged");
        }
    }

    /**
     * Keeps the departing person's answer (as their step completes, or from a process started before
     * answers were kept that way); the first answer counts.
     */
    @Transactional
    public void saveAnswer(long itemId, String answer) {
        saveAnswer(item(itemId), answer, null);
    }

    /**
     * {@link #saveAnswer(long, String)} for an item the caller read in its transaction, by {@code by} (who
     * completed the step: the departing person, or the manager answering in her place, {@link NoteWriters};
     * null when not known), whom the successor's mail names.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveAnswer(HandoverItem item, String answer, String by) {
        if (item.answer(answer == null ? "" : answer.strip())) {
            AuditEvent answered = record("handover.question-answered", item, fields("answer", item.getAnswer()));
            // the acknowledgement step comes back without a "new task" mail (baton:ownAssignmentMail)
            mails.questionAnswered(item, answered.getId(), by);
        }
    }

    /**
     * The departing person left without the successor's question answered (the answer step's timer): the
     * account is the successor's to acknowledge again, the item says so, and the successor is mailed why it
     * came back, as the step itself mails nobody ({@code baton:ownAssignmentMail}), naming who held the
     * answer step: the departing person, or whoever held it in her place (her cover, or her manager by the
     * note rule, {@link NoteWriters}; session 46: the mail said she "has left without answering" when the
     * manager held it). Once: a job delivered twice, or a question answered meanwhile, changes nothing and
     * mails nobody.
     */
    @Transactional
    public void questionUnanswered(long itemId) {
        HandoverItem item = item(itemId);
        if (item.questionUnanswered()) {
            AuditEvent unanswered =
                    record("handover.question-unanswered", item, fields("question", item.getQuestion()));
            String heldBy = tasks.newestAt(
                            new TaskSubject(
                                    HandoverTaskSubject.SUBJECT_TYPE,
                                    item.getHandover().getId()),
                            item.getAccount().getId(),
                            HandoverBpmn.Account.TASK_ANSWER_QUESTION)
                    .map(Task::getAssignee)
                    .orElse(null);
            mails.questionUnanswered(item, unanswered.getId(), heldBy);
        }
    }

    /**
     * Exactly one introduction per account: the outbox's dedup key is the item. Without one to send (no
     * primary contact with an address), the account's timeline says what is missing and the successor is
     * mailed, once (found by probe 47: only a timeline line said "no contact to write to").
     */
    @Transactional
    public void sendIntroduction(long itemId) {
        HandoverItem item = item(itemId);
        boolean queued = mails.introduction(item);
        if (item.introStepPassed(clock.instant())) {
            if (queued) {
                record("handover.introduction-sent", item, fields("queued", true));
            } else {
                String reason = mails.nobodyToIntroduce(item.getAccount().getId())
                        .orElse("the account has no contact to write to");
                record("handover.introduction-skipped", item, fields("queued", false, "reason", reason));
                mails.introSkipped(item, reason);
            }
        }
    }

    /**
     * The introduction mail failed for good: recorded once on the item and the account's timeline, and
     * the successor told (copying the manager), who can reach the customer another way.
     */
    @Transactional
    public void introFailed(long itemId, String to, String error) {
        HandoverItem item = item(itemId);
        if (item.introFailed(clock.instant(), error)) {
            record("handover.introduction-failed", item, fields("address", to, "error", error));
            mails.introFailed(item, to, error);
        }
    }

    /** An admin's retry of a failed introduction went out: it counts as sent again. */
    @Transactional
    public void introSentAfterRetry(long itemId) {
        HandoverItem item = item(itemId);
        if (item.introSentAfterRetry()) {
            record("handover.introduction-sent-again", item, fields("queued", true));
        }
    }

    @Transactional
    public void remindIntroCall(long itemId, Instant dueAt) {
        mails.introCallDue(item(itemId), dueAt, false);
    }

    @Transactional
    public void escalateIntroCall(long itemId, Instant dueAt) {
        HandoverItem item = item(itemId);
        if (mails.introCallDue(item, dueAt, true)) {
            record("handover.intro-call-escalated", item, fields("dueAt", dueAt.toString()));
        }
    }

    /**
     * Records the introduction call as held once, with what was said ({@code summary} may be null).
     * Usually the step's completion recorded it already ({@code HandoverTaskAnswers}): then the item
     * is not even read.
     */
    @Transactional
    public void recordIntroCall(long itemId, String summary) {
        if (!items.existsByIdAndCallHeldAtIsNotNull(itemId)) {
            recordIntroCall(item(itemId), summary);
        }
    }

    /** {@link #recordIntroCall(long, String)} for an item the caller read in its transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordIntroCall(HandoverItem item, String summary) {
        if (item.callHeld(clock.instant())) {
            record(
                    "handover.intro-call-held",
                    item,
                    fields("by", item.getSuccessor().getUsername(), "summary", summary));
        }
    }

    /** The departing person can still answer: active, and either staying in the company or not yet gone. */
    boolean departingReachable(Handover h) {
        return h.getDeparting().isActive()
                && (h.getReason().copiesDepartingOnIntroduction()
                        || !zones.today(h.getDeparting()).isAfter(h.getEffectiveDate()));
    }

    /**
     * The note is due by the end of the effective day where the departing person is: a person leaving
     * today can still write it, in Sydney as in Los Angeles.
     */
    Instant noteDueAt(Handover h) {
        return Dates.endOf(h.getEffectiveDate(), zones.of(h.getDeparting()));
    }

    /** Names the handover too, so the account's timeline can link to its page. */
    private AuditEvent record(String action, HandoverItem item, Map<String, Object> after) {
        Map<String, Object> withHandover = new java.util.LinkedHashMap<>(after);
        withHandover.put("handoverId", item.getHandover().getId());
        return audit.record(
                action, "handover_item", item.getId(), item.getAccount().getId(), null, withHandover);
    }

    private HandoverItem item(long id) {
        return items.findWithContextById(id).orElseThrow(() -> new NotFoundException("handover item", id));
    }
}
