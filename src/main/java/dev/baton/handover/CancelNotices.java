package dev.baton.handover;

import dev.baton.audit.AuditLog;
import dev.baton.engine.JobProblems;
import dev.baton.lead.LeadTransfers;
import dev.baton.notification.MailComposer;
import dev.baton.notification.Outbox;
import dev.baton.notification.OutboxStatus;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a cancelled handover tells people, in the cancellation's transaction: each moved account's
 * timeline says the handover was cancelled after it moved (it stays with its successor); the
 * departing person hears that no notes are needed any more, and which accounts and open leads had
 * moved and stay with their new owners; each successor who received accounts, held one of its steps,
 * or was told by a "You are taking over" mail of accounts that now will not come, hears which accounts
 * stay theirs, which customers still await an introduction (nobody decided to send one now, so Baton
 * sends none), and which accounts will not come to them after all; whoever the handover moved open leads
 * to (a successor, or whom the lead rules chose) hears which, and that they do not go back (the cancel
 * moves no lead). Mails are keyed by handover
 * and recipient ({@code handover-canceled:<handover>:<person id>}): a cancellation told twice
 * queues each once. Nobody is mailed about what they just did themselves.
 */
@Component
class CancelNotices {

    private final MailComposer composer;
    private final Outbox outbox;
    private final PeopleLookup people;
    private final TimeZones zones;
    private final AuditLog audit;
    private final TakingOverMails takingOver;
    private final JobProblems problems;
    private final HandoverLeads leads;

    CancelNotices(
            MailComposer composer,
            Outbox outbox,
            PeopleLookup people,
            TimeZones zones,
            AuditLog audit,
            TakingOverMails takingOver,
            JobProblems problems,
            HandoverLeads leads) {
        this.leads = leads;
        this.takingOver = takingOver;
        this.problems = problems;
        this.composer = composer;
        this.outbox = outbox;
        this.people = people;
        this.zones = zones;
        this.audit = audit;
    }

    /**
     * Tells of the cancellation of {@code h} (cancelled already); on the admins' problems page too: a
     * problem still listed for a step of its run (a failed transfer of an account's instance it called)
     * is resolved, "the handover was canceled by Maria Rossi" (session 39: it stayed open for ever).
     *
     * @param items all of the handover's items
     * @param withOpenSteps the user names holding one of the handover's steps when it was cancelled
     */
    void tell(Handover h, List<HandoverItem> items, Set<String> withOpenSteps) {
        List<HandoverItem> moved =
                items.stream().filter(i -> i.getTransferredAt() != null).toList();
        // read before the mails' rows are forgotten and their waiting mails withdrawn
        Map<Long, List<HandoverItem>> notComing = promisedNotComing(h, items);
        moved.forEach(i -> audit.record(
                "handover.cancelled-after-move",
                "handover_item",
                i.getId(),
                i.getAccount().getId(),
                null,
                Map.of("handoverId", h.getId(), "successor", i.getSuccessor().getUsername())));
        // a "notes due" mail still waiting to go out asks for notes nobody needs now, and a "you are taking
        // over" one announces accounts that stay (those that moved are named in the cancellation's mail)
        outbox.withdraw(List.of("handover-notes-due:" + h.getId()), List.of("handover-taking-over:" + h.getId() + ":"));
        // nothing amends a cancelled handover: which accounts its mails named is needed no more
        takingOver.forgetHandover(h.getId());
        Map<String, OutboxStatus> intros = outbox.statusOf(
                moved.stream().map(i -> HandoverMails.introKey(i.getId())).toList());
        String canceller = people.fullName(h.getCancelledBy());
        String resolution = "the handover was canceled by " + canceller;
        if (h.getProcessInstanceKey() != null) {
            problems.resolveRun(h.getProcessInstanceKey(), resolution, h.getCompletedAt());
        }
        // a failed transfer's own instance, for an engine that cannot tell which run called it (a cluster)
        items.forEach(i -> i.stuckTransfer()
                .ifPresent(stuck -> problems.resolveRun(stuck.processInstanceKey(), resolution, h.getCompletedAt())));
        List<HandoverLeads.MovedLead> leadsMoved = leads.moved(h);
        toDeparting(
                h,
                items.size(),
                moved,
                leadsMoved.stream().map(HandoverLeads.MovedLead::lead).toList(),
                canceller);
        // the leads it moved stay with whom they went to, who hears so (found by a probe: only the
        // departing person's mail named them, and a successor with no account moved heard nothing)
        Map<Long, List<LeadTransfers.OpenLead>> leadsTo = new LinkedHashMap<>();
        leadsMoved.forEach(
                l -> leadsTo.computeIfAbsent(l.toId(), id -> new ArrayList<>()).add(l.lead()));
        Map<Person, List<HandoverItem>> successors = new LinkedHashMap<>();
        items.stream()
                .map(HandoverItem::getSuccessor)
                .filter(s -> s != null
                        && (withOpenSteps.contains(s.getUsername())
                                || notComing.containsKey(s.getId())
                                || leadsTo.containsKey(s.getId())
                                || moved.stream().anyMatch(i -> i.getSuccessor().equals(s))))
                .forEach(s -> successors.putIfAbsent(
                        s,
                        moved.stream().filter(i -> i.getSuccessor().equals(s)).toList()));
        // a lead the lead rules gave to someone who is no account's successor (a plan that shares the book)
        leadsTo.keySet().stream()
                .filter(id ->
                        successors.keySet().stream().noneMatch(s -> s.getId().equals(id)))
                .forEach(id -> people.byId(id).ifPresent(p -> successors.putIfAbsent(p, List.of())));
        successors.forEach((s, theirs) -> toSuccessor(
                h,
                s,
                theirs,
                notComing.getOrDefault(s.getId(), List.of()),
                leadsTo.getOrDefault(s.getId(), List.of()),
                intros,
                canceller));
    }

    /**
     * By successor id, the accounts a "You are taking over" mail that went out told them of, which had not
     * moved to them: they now stay with the departing person (found by a probe: the cancellation's mail
     * never took back what that mail had announced). A mail still waiting is withdrawn instead, and one
     * that named the account to someone who is no longer its successor was corrected when it changed.
     */
    private Map<Long, List<HandoverItem>> promisedNotComing(Handover h, List<HandoverItem> items) {
        List<TakingOverMails.Named> named = takingOver.namedIn(h.getId());
        if (named.isEmpty()) {
            return Map.of();
        }
        Map<String, OutboxStatus> sent = outbox.statusOf(
                named.stream().map(TakingOverMails.Named::dedupKey).distinct().toList());
        Map<Long, HandoverItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.getId(), i));
        Map<Long, List<HandoverItem>> notComing = new LinkedHashMap<>();
        for (TakingOverMails.Named n : named) {
            HandoverItem i = byId.get(n.itemId());
            if (sent.get(n.dedupKey()) == OutboxStatus.SENT
                    && i != null
                    && i.getTransferredAt() == null
                    && i.getSuccessor() != null
                    && i.getSuccessor().getId() == n.successorId()) {
                List<HandoverItem> theirs = notComing.computeIfAbsent(n.successorId(), id -> new ArrayList<>());
                if (!theirs.contains(i)) {
                    theirs.add(i);
                }
            }
        }
        return notComing;
    }

    private void toDeparting(
            Handover h,
            int accounts,
            List<HandoverItem> moved,
            List<LeadTransfers.OpenLead> leadsMoved,
            String canceller) {
        Map<String, Object> model = model(h, h.getDeparting(), canceller);
        model.put("accounts", accounts);
        model.put(
                "moved",
                moved.stream()
                        .map(i -> i.getAccount().getName() + " (now "
                                + i.getSuccessor().getFullName() + "'s)")
                        .toList());
        // the leads it moved stay with their new owners too (found by a probe: the mail left them out)
        model.put(
                "leads",
                leadsMoved.stream()
                        .map(l -> l.personName() + " at " + l.company()
                                + (l.ownerUsername().equals(h.getDeparting().getUsername())
                                        ? " (yours again)"
                                        : " (now " + l.ownerName() + "'s)"))
                        .toList());
        send(h, h.getDeparting(), "handover-canceled-departing", model);
    }

    private void toSuccessor(
            Handover h,
            Person to,
            List<HandoverItem> theirs,
            List<HandoverItem> notComing,
            List<LeadTransfers.OpenLead> leadsMoved,
            Map<String, OutboxStatus> intros,
            String canceller) {
        Map<String, Object> model = model(h, to, canceller);
        // each with its page, theirs now: the handover's page is its manager's (session 47's probe: a 403)
        model.put(
                "accounts",
                theirs.stream()
                        .map(i -> Map.of(
                                "name",
                                i.getAccount().getName(),
                                "note",
                                introduced(i, intros)
                                        ? ""
                                        : ": the customer has not been introduced to you yet; introduce yourself"
                                                + " (Baton sends no introduction mail now)",
                                "link",
                                "/accounts/" + i.getAccount().getId()))
                        .toList());
        model.put(
                "notComing",
                notComing.stream().map(i -> i.getAccount().getName()).toList());
        // the cancel gives no lead back: each stays with whom it went to, unless someone moved it since
        model.put(
                "leads",
                leadsMoved.stream()
                        .map(l -> l.personName() + " at " + l.company()
                                + (l.ownerUsername().equals(to.getUsername())
                                        ? " (stays yours)"
                                        : " (now " + l.ownerName() + "'s)"))
                        .toList());
        send(h, to, "handover-canceled-successor", model);
    }

    /**
     * Whether the customer was introduced to the successor or is being introduced: its introduction call
     * was held, whatever became of the mail (none for lack of a contact, none chosen, or failed for good;
     * found by session 47's probe: a customer met on the call was said never to have been introduced),
     * the account's handover is done, or its mail went or is going out. Not when no mail went (not yet,
     * no contact, none chosen) or it failed for good, and no call was held.
     */
    private static boolean introduced(HandoverItem i, Map<String, OutboxStatus> intros) {
        if (i.getCallHeldAt() != null || i.getStep() == HandoverStep.DONE) {
            return true;
        }
        return switch (HandoverQueries.introMail(i, intros)) {
            case SENT, WAITING -> true;
            case OPTED_OUT, NOT_YET, NO_CONTACT, FAILED -> false;
        };
    }

    private static Map<String, Object> model(Handover h, Person to, String canceller) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", to.getFullName());
        model.put("cancellerName", canceller);
        model.put("departingName", h.getDeparting().getFullName());
        model.put("reason", h.getCancelReason());
        model.put("handoverId", h.getId());
        return model;
    }

    private void send(Handover h, Person to, String template, Map<String, Object> model) {
        if (!to.isActive() || to.getUsername().equals(h.getCancelledBy())) {
            return;
        }
        outbox.enqueue(
                "handover-canceled:" + h.getId() + ":" + to.getId(),
                to.getEmail(),
                null,
                composer.compose(template, model, zones.of(to)));
    }
}
