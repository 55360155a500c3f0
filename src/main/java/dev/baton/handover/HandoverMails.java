package dev.baton.handover;

import dev.baton.account.Contact;
import dev.baton.notification.MailComposer;
import dev.baton.notification.Outbox;
import dev.baton.people.People;
import dev.baton.people.Person;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A handover's mail, queued in the caller's transaction. Each dedup key names one business event
 * (this account's introduction, this due date's reminder), so a step that runs twice queues once.
 */
@Component
class HandoverMails {

    private static final DateTimeFormatter NOTES_DUE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final MailComposer composer;
    private final Outbox outbox;
    private final People people;
    private final Book book;

    HandoverMails(MailComposer composer, Outbox outbox, People people, Book book) {
        this.composer = composer;
        this.outbox = outbox;
        this.people = people;
        this.book = book;
    }

    /** From the successor to the account's primary contact; false when there is nobody to write to. */
    boolean introduction(HandoverItem item) {
        Optional<Contact> primary = book.contacts(item.getAccount().getId()).stream()
                .filter(c ->
                        c.isPrimary() && c.getEmail() != null && !c.getEmail().isBlank())
                .findFirst();
        if (primary.isEmpty()) {
            return false;
        }
        Person successor = item.getSuccessor();
        Person departing = item.getHandover().getDeparting();
        boolean copy = item.getHandover().getReason().copiesDepartingOnIntroduction() && departing.isActive();
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", primary.get().getFullName());
        model.put("accountName", item.getAccount().getName());
        model.put("successorName", successor.getFullName());
        model.put("successorEmail", successor.getEmail());
        model.put("departingName", departing.getFullName());
        model.put("departingFirstName", departing.getFullName().split(" ")[0]);
        model.put("departingInCopy", copy);
        model.put("promises", promises(item.getAccount().getId()));
        outbox.enqueue(
                "handover-intro:" + item.getId(),
                primary.get().getEmail(),
                copy ? departing.getEmail() : null,
                new Outbox.Sender(successor.getFullName(), successor.getEmail()),
                composer.compose("intro-customer", model));
        return true;
    }

    /** The reminder goes to the successor, the escalation to the manager who launched the handover. */
    boolean introCallDue(HandoverItem item, Instant dueAt, boolean escalated) {
        Person recipient = escalated ? manager(item.getHandover()) : item.getSuccessor();
        Map<String, Object> model = Map.of(
                "recipientName",
                recipient.getFullName(),
                "successorName",
                item.getSuccessor().getFullName(),
                "accountName",
                item.getAccount().getName(),
                "dueOn",
                DAY.format(dueAt.atZone(ZoneOffset.UTC)),
                "escalated",
                escalated,
                "handoverId",
                item.getHandover().getId());
        String event = escalated ? "handover-intro-call-escalation:" : "handover-intro-call-reminder:";
        return outbox.enqueue(
                event + item.getId() + ":" + dueAt,
                recipient.getEmail(),
                null,
                composer.compose("handover-intro-call", model));
    }

    /**
     * The departing person's one mail about their notes ("14 handover notes due Fri 4 Dec"), linking
     * to the batch page; the note steps send no mail of their own. Due by the end of the effective day (UTC).
     */
    boolean notesDue(Handover h, long accounts) {
        Person departing = h.getDeparting();
        Map<String, Object> model = Map.of(
                "recipientName", departing.getFullName(),
                "managerName", manager(h).getFullName(),
                "notes", accounts,
                "dueOn", NOTES_DUE.format(h.getEffectiveDate()),
                "handoverId", h.getId());
        return outbox.enqueue(
                "handover-notes-due:" + h.getId(),
                departing.getEmail(),
                null,
                composer.compose("handover-notes-due", model));
    }

    boolean summary(Handover h, List<HandoverItem> items, String duration) {
        Person manager = manager(h);
        Map<String, Long> perSuccessor = new TreeMap<>();
        items.forEach(i -> perSuccessor.merge(i.getSuccessor().getFullName(), 1L, Long::sum));
        String departing = h.getDeparting().getUsername();
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", manager.getFullName());
        model.put("departingName", h.getDeparting().getFullName());
        model.put("accounts", items.size());
        model.put("duration", duration);
        model.put(
                "successors",
                perSuccessor.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue() + " accounts")
                        .toList());
        model.put(
                "notesByDeparting",
                items.stream().filter(i -> departing.equals(i.getNoteBy())).count());
        model.put(
                "notesByManager",
                items.stream()
                        .filter(i -> i.getNoteBy() != null && !departing.equals(i.getNoteBy()))
                        .count());
        model.put(
                "introsSent",
                items.stream()
                        .filter(i -> i.getIntroSentAt() != null && !i.isIntroOptOut())
                        .count());
        model.put("handoverId", h.getId());
        return outbox.enqueue(
                "handover-summary:" + h.getId(), manager.getEmail(), null, composer.compose("handover-summary", model));
    }

    private Person manager(Handover h) {
        return people.findByUsername(h.getLaunchedBy()).orElseThrow();
    }

    private static final DateTimeFormatter CUSTOMER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * The account's open promises as the customer reads them: what, by when, and for a promise under
     * way a plain word on where it stands (no internal status names). Empty when there are none.
     */
    List<String> promises(Long accountId) {
        return book.openCommitmentsOf(accountId).stream()
                .map(c -> c.getDescription() + ", by "
                        + CUSTOMER_DATE.format(c.getDueDate())
                        + switch (c.getStatus()) {
                            case DELIVERED -> " (delivered: I will check with you that it works as promised)";
                            case REJECTED -> " (we need to agree new terms with you: I will be in touch)";
                            default -> "";
                        })
                .toList();
    }
}
