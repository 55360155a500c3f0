package dev.baton.handover;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.task.TaskEngineSync;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSubject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager changing a running handover: cancelling it, or giving an account that has not moved yet
 * to another successor. Whoever may see the handover may change it (its launcher, a manager of the
 * departing person's line, an admin); every change is audited.
 */
@Service
public class HandoverChanges {

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
            TransactionTemplate tx) {
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
     * engine, within the transaction that marks it CANCELLED, so an engine that does not answer
     * changes nothing; then its open tasks, whose jobs are gone, are withdrawn from the inboxes.
     * Accounts that have moved stay with their successors; the others stay with the departing person.
     *
     * @throws BadRequestException (field {@code reason}) without a reason
     * @throws ConflictException when the handover has ended already
     */
    public void cancel(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("reason", "say why the handover is cancelled");
        }
        tx.executeWithoutResult(status -> {
            Handover h = visible(id, actor);
            String before = h.getStatus().name();
            if (!h.cancel(actor, reason.strip(), clock.instant())) {
                throw new ConflictException("handover " + id + " has ended already ("
                        + h.getStatus().name().toLowerCase() + "): nothing to cancel");
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
                            reason.strip(),
                            "accountsMoved",
                            moved,
                            "accountsKept",
                            all.size() - moved));
            if (h.getProcessInstanceKey() != null) {
                process.cancel(h.getProcessInstanceKey());
            }
        });
        // checked one by one with the engine: a job it no longer has cancels its task (audited there)
        tasks.openAbout(new TaskSubject(HandoverTaskSubject.SUBJECT_TYPE, id)).forEach(engineSync::settleDelivered);
    }

    /**
     * Gives an account that has not moved yet to another eligible successor ({@link
     * SuccessorCandidates}); the account moves to them when its note is in, and they acknowledge it.
     *
     * @throws BadRequestException (field {@code successorId}) for someone unknown or not eligible
     * @throws ConflictException when the account has moved already, has no successor yet (the
     *     manager's "choose successor" task decides that), or the handover has ended
     */
    @Transactional
    public void changeSuccessor(long id, long accountId, Long successorId, String actor) {
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
        Person launcher = people.signedIn(actor);
        String why = candidates.notEligible(to, h.getDeparting(), launcher);
        if (why != null) {
            throw new BadRequestException("successorId", why);
        }
        String from = item.getSuccessor().getUsername();
        if (item.changeSuccessor(to)) {
            Map<String, Object> after = new LinkedHashMap<>(fields("successor", to.getUsername()));
            after.put("handoverId", id);
            audit.record(
                    "handover.successor-changed",
                    "handover_item",
                    item.getId(),
                    accountId,
                    fields("successor", from),
                    after);
        }
    }

    private Handover visible(long id, String actor) {
        Handover h = handovers.findById(id).orElseThrow(() -> new NotFoundException("handover", id));
        if (!queries.maySee(h, actor)) {
            throw new AccessDeniedException("handover " + id + " is neither yours nor of your reports");
        }
        return h;
    }
}
