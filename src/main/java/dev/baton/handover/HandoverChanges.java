package dev.baton.handover;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.shared.AdvisoryLocks;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.CancelReason;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.shared.StatusWords;
import dev.baton.task.Task;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSubject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager changing a running handover: cancelling it, giving an account that has not moved yet
 * to another successor, or starting a transfer that failed for good again. Whoever may see the handover may change it (its launcher, a manager of the
 * departing person's line, an admin); every change is audited.
 */
@Service
public class HandoverChanges {

    private static final Logger log = LoggerFactory.getLogger(HandoverChanges.class);

    private final Handovers handovers;
    private final HandoverItems items;
    private final HandoverQueries queries;
    private final PeopleService people;
    private final SuccessorCandidates candidates;
    private final HandoverProcess process;
    private final TaskService tasks;
    private final TaskEngineSync engineSync;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final HandoverMails mails;
    private final CancelNotices notices;

    private final AdvisoryLocks locks;
    private final NoteWriters writers;

    HandoverChanges(
            Handovers handovers,
            HandoverItems items,
            HandoverQueries queries,
            PeopleService people,
            SuccessorCandidates candidates,
            HandoverProcess process,
            TaskService tasks,
            TaskEngineSync engineSync,
            AuditLog audit,
            Clock clock,
            TransactionTemplate tx,
            HandoverMails mails,
            CancelNotices notices,
            AdvisoryLocks locks,
            NoteWriters writers) {
        this.locks = locks;
        this.writers = writers;
        this.mails = mails;
        this.notices = notices;
        this.handovers = handovers;
        this.items = items;
        this.queries = queries;
        this.people = people;
        this.candidates = candidates;
        this.process = process;
        this.tasks = tasks;
        this.engineSync = engineSync;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Stops a starting or running handover: its process (and every account's) is cancelled in the
     * engine, then the handover is marked CANCELLED and audited, and people are told ({@link
     * CancelNotices}: each moved account's timeline, a mail to the departing person and to each
     * successor who received accounts, held a step, or was announced accounts that now will not come);
     * then its open tasks, whose jobs are gone, are
     * withdrawn from the inboxes. Accounts that have moved stay with their successors; the others stay
     * with the departing person.
     *
     * <p>No database connection waits on the engine (issue 15: "commit first, call the engine,
     * record the outcome"): the checks commit before the engine is asked, and the cancellation is
     * recorded after, so an engine that does not answer changes nothing. A handover whose process
     * reports its start meanwhile has that instance cancelled once the record is committed; a
     * process cancelled while its handover starts up is cancelled at its report ({@link
     * HandoverService#started}).
     *
     * @throws BadRequestException (field {@code reason}) without a reason, or one {@link CancelReason}
     *     refuses (too long, not plain text): the wizard's and the API's one check
     * @throws ConflictException when the handover has ended already
     * @throws RuntimeException when the engine does not answer: nothing changed
     */
    public void cancel(long id, String reason, String actor) {
        String stripped = CancelReason.checked(reason, "handover");
        Long instance = tx.execute(status -> {
            Handover h = visible(id, actor);
            if (!h.getStatus().isActive()) {
                throw endedAlready(h);
            }
            return h.getProcessInstanceKey();
        });
        if (instance != null) {
            process.cancel(instance);
        }
        Long startedMeanwhile = tx.execute(status -> {
            Handover h = visible(id, actor);
            String before = h.getStatus().name();
            if (!h.cancel(actor, stripped, clock.instant())) {
                throw endedAlready(h); // completed before the engine's cancel, or cancelled by another
            }
            List<HandoverItem> all = items.findByHandoverIdOrderById(id);
            long moved = all.stream().filter(i -> i.getTransferredAt() != null).count();
            audit.record(
                    "handover.cancelled",
                    "handover",
                    id,
                    null,
                    fields("status", before),
                    fields(
                            "status",
                            h.getStatus().name(),
                            "reason",
                            stripped,
                            "accountsMoved",
                            moved,
                            "accountsKept",
                            all.size() - moved));
            // the steps are still open here: they are withdrawn once this commits
            notices.tell(
                    h,
                    all,
                    tasks.openAbout(new TaskSubject(HandoverTaskSubject.SUBJECT_TYPE, id)).stream()
                            .map(Task::getAssignee)
                            .filter(Objects::nonNull)
                            .collect(Collectors.toSet()));
            return Objects.equals(h.getProcessInstanceKey(), instance) ? null : h.getProcessInstanceKey();
        });
        if (startedMeanwhile != null) {
            process.cancel(startedMeanwhile);
        }
        // checked one by one with the engine: a job it no longer has cancels its task (audited there)
        tasks.openAbout(new TaskSubject(HandoverTaskSubject.SUBJECT_TYPE, id)).forEach(engineSync::settleDelivered);
    }

    private static ConflictException endedAlready(Handover h) {
        return new ConflictException("handover " + h.getId() + " has ended already ("
                + StatusWords.phrase(h.getStatus()) + "): nothing to cancel");
    }

    /**
     * Gives an account that has not moved yet to another eligible successor, by the rules of the
     * handover's launch whoever amends it ({@link SuccessorCandidates#notEligible(Person, Handover)}: the
     * launching manager's line, the departing person's team); the new successor is told it is theirs,
     * the previous one that it is no longer theirs, unless their "You are taking over" mail naming it
     * had not gone out: that mail is then withdrawn, and one naming only the accounts still theirs takes
     * its place ({@link HandoverMails#successorChanged}). The account moves to them when its note is in, and they acknowledge it.
     * When its transfer had failed for good, the transfer starts again to them once the change is
     * committed (as {@link #retryTransfer}).
     *
     * @throws BadRequestException (field {@code successorId}) for someone unknown or not eligible, or
     *     for the successor the account has already (a failed transfer is retried, not "changed")
     * @throws ConflictException when the account has moved already, has no successor yet (the
     *     manager's "choose successor" task decides that), or the handover has ended
     * @throws RuntimeException when the engine does not answer the restart of a failed transfer: the
     *     new successor stands, the transfer still shows as failed and can be retried
     */
    public void changeSuccessor(long id, long accountId, Long successorId, String actor) {
        Restart restart = tx.execute(status -> changeSuccessorInTransaction(id, accountId, successorId, actor));
        if (restart != null) {
            restart(restart);
        }
    }

    private Restart changeSuccessorInTransaction(long id, long accountId, Long successorId, String actor) {
        // one change of people or successors at a time, before anyone is read (found by a probe: a successor
        // named while they were deactivated at that moment stayed the account's successor, inactive)
        locks.hold(AdvisoryLocks.Subject.PEOPLE_AND_HANDOVERS);
        Handover h = visible(id, actor);
        if (!h.getStatus().isActive()) {
            throw new ConflictException("handover " + id + " has ended: its successors can no longer change");
        }
        HandoverItem item = items.findByHandoverIdAndAccountId(id, accountId)
                .orElseThrow(() -> NotFoundException.notPartOf("account", accountId, "handover", id));
        String account = item.getAccount().getName();
        if (item.getSuccessor() == null) {
            throw new ConflictException(
                    "nobody is planned for " + account + " yet: choose in your task \"Choose successor\"");
        }
        if (item.getTransferredAt() != null) {
            throw new ConflictException(account + " has moved to "
                    + item.getSuccessor().getFullName() + " already: give the account itself to someone else");
        }
        if (successorId == null) {
            throw new BadRequestException("successorId", "choose the new successor");
        }
        Person to = people.referenced(successorId, "successorId");
        if (to.getId().equals(item.getSuccessor().getId())) {
            throw new BadRequestException(
                    "successorId",
                    to.getFullName() + " is the successor of " + account + " already: choose someone else");
        }
        // the handover's rules (its departing person's team, its launcher's line), whoever amends it:
        // an admin or a higher manager must not widen who may take over
        String why = candidates.notEligible(to, h);
        if (why != null) {
            throw new BadRequestException("successorId", why);
        }
        Person previous = item.getSuccessor();
        String from = previous.getUsername();
        List<NoteWriters.Routed> routed = writers.beforeAmend(item);
        if (item.changeSuccessor(to)) {
            Map<String, Object> after = new LinkedHashMap<>(fields("successor", to.getUsername()));
            after.put("handoverId", id);
            AuditEvent changed = audit.record(
                    "handover.successor-changed",
                    "handover_item",
                    item.getId(),
                    accountId,
                    fields("successor", from),
                    after);
            // the new successor's steps send no "new task" mail of their own (baton:ownAssignmentMail); the
            // previous one's mail still waiting is rewritten, one that went out is followed by a correction
            mails.successorChanged(h, previous, item, actor, changed.getId());
            // the note (or the answer) is nobody's to write for himself: a step the rule placed follows it
            writers.followAmend(item, routed);
        }
        return item.stuckTransfer().map(stuck -> new Restart(item, stuck)).orElse(null);
    }

    /**
     * Starts an account's transfer that failed for good ({@link HandoverStep#TRANSFER_FAILED}) again,
     * to its successor, once the cause is fixed; the account then moves as if it had never failed
     * (once: the step moves only what the departing person still holds). Two retries at once start
     * the step once: the engine refuses to end the failed step twice.
     *
     * @throws ConflictException when the account's transfer has not failed (it is waiting, or moved
     *     already, or was retried meanwhile) or the handover has ended
     * @throws RuntimeException when the engine does not answer: nothing changed, the transfer still
     *     shows as failed
     */
    public void retryTransfer(long id, long accountId, String actor) {
        restart(tx.execute(status -> {
            Handover h = visible(id, actor);
            if (!h.getStatus().isActive()) {
                throw new ConflictException("handover " + id + " has ended: nothing to retry");
            }
            HandoverItem item = items.findByHandoverIdAndAccountId(id, accountId)
                    .orElseThrow(() -> NotFoundException.notPartOf("account", accountId, "handover", id));
            StuckTransfer stuck = item.stuckTransfer()
                    .orElseThrow(() -> new ConflictException(
                            "the transfer of " + item.getAccount().getName()
                                    + " has not failed: nothing to retry (where it stands: "
                                    + item.getStep().words().toLowerCase() + ")"));
            return new Restart(item, stuck);
        }));
    }

    /** A failed transfer to start again: its item and where the engine holds it. */
    private record Restart(long itemId, long accountId, long handoverId, String to, StuckTransfer stuck) {

        Restart(HandoverItem item, StuckTransfer stuck) {
            this(
                    item.getId(),
                    item.getAccount().getId(),
                    item.getHandover().getId(),
                    item.getSuccessor().getUsername(),
                    stuck);
        }
    }

    /**
     * Asks the engine only after the manager's change is committed: the restarted step runs at once
     * and must read the new successor (asked within the transaction, it read the old one, failed
     * again, and its record of that failure clashed with the change). Then the failure is cleared,
     * unless the restarted step has already moved the account or failed anew meanwhile.
     */
    private void restart(Restart r) {
        boolean restarted = process.restartTransfer(r.stuck());
        if (!restarted) {
            log.warn(
                    "handover item {}: the engine no longer holds its failed transfer step ({}); nothing restarted",
                    r.itemId(),
                    r.stuck());
        }
        tx.executeWithoutResult(status -> {
            items.clearTransferFailure(r.itemId(), r.stuck().elementInstanceKey());
            if (restarted) {
                Map<String, Object> after = new LinkedHashMap<>(fields("to", r.to()));
                after.put("handoverId", r.handoverId());
                audit.record("handover.transfer-retried", "handover_item", r.itemId(), r.accountId(), null, after);
            }
        });
    }

    private Handover visible(long id, String actor) {
        Handover h = handovers.findById(id).orElseThrow(() -> new NotFoundException("handover", id));
        if (!queries.maySee(h, actor)) {
            throw new AccessDeniedException("handover " + id + " is neither yours nor of your reports");
        }
        return h;
    }
}
