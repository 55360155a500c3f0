package dev.baton.handover;

import dev.baton.account.Contact;
import dev.baton.account.Interaction;
import dev.baton.account.Interactions;
import dev.baton.commitment.Commitment;
import dev.baton.task.Task;
import dev.baton.task.TaskFormDefaults;
import dev.baton.task.TaskStatus;
import dev.baton.task.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handover note's first draft, from the account's record: recent interactions as history
 * highlights, contacts with their preferences and how fresh they are (stale ones to re-verify), open
 * commitments with owners and dates, open tasks. Plain text in the note's own fields, for the departing
 * person to edit; the relationship summary is theirs to write. Dates are UTC days. Once the
 * departing person has a draft (autosaved on the notes page), the task page starts from that instead.
 */
@Component
class HandoverNoteDraft implements TaskFormDefaults {

    static final int RECENT_INTERACTIONS = 10;

    private final Book book;
    private final Interactions interactions;
    private final Tasks tasks;
    private final Clock clock;
    private final HandoverItems items;

    HandoverNoteDraft(Book book, Interactions interactions, Tasks tasks, Clock clock, HandoverItems items) {
        this.items = items;
        this.book = book;
        this.interactions = interactions;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public Set<String> formKeys() {
        return Set.of(HandoverTaskAnswers.NOTE_FORM);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> defaults(Task task) {
        Long accountId = task.getAccountId();
        if (accountId == null) {
            return Map.of();
        }
        // the departing person's draft from the notes page, when there is one, is what they wrote last
        Map<String, Object> draft = task.getSubject() == null
                        || !HandoverTaskSubject.SUBJECT_TYPE.equals(
                                task.getSubject().type())
                ? null
                : items.findByHandoverIdAndAccountId(task.getSubject().id(), accountId)
                        .map(HandoverItem::getNoteDraft)
                        .orElse(null);
        return draft != null ? draft : fromRecord(accountId, task.getId());
    }

    /** The first draft from the account's record; {@code taskId} (the note's own task, may be null) is left out of its open tasks. */
    Map<String, Object> fromRecord(Long accountId, Long taskId) {
        Instant now = clock.instant();
        List<Contact> contacts = book.contacts(accountId);
        return Map.of(
                "keyContacts", lines(contacts.stream().map(c -> contact(c, now)).toList()),
                "historyHighlights",
                        lines(interactions.findByAccountIdOrderByOccurredAtDesc(accountId).stream()
                                .limit(RECENT_INTERACTIONS)
                                .map(HandoverNoteDraft::interaction)
                                .toList()),
                "openCommitmentsAndRisks",
                        lines(java.util.stream.Stream.concat(
                                        book.openCommitmentsOf(accountId).stream()
                                                .map(HandoverNoteDraft::commitment),
                                        tasks
                                                .findByAccountIdAndStatusOrderByDueAtAsc(accountId, TaskStatus.OPEN)
                                                .stream()
                                                .filter(t -> !t.getId().equals(taskId))
                                                .map(HandoverNoteDraft::task))
                                .toList()),
                "contactsToReverify",
                        lines(contacts.stream()
                                .filter(c -> c.isStale(now, Book.STALE_AFTER))
                                .map(c -> "- " + c.getFullName() + ": " + verified(c))
                                .toList()));
    }

    private static String contact(Contact c, Instant now) {
        String title = c.getTitle() == null ? "" : " (" + c.getTitle() + ")";
        String prefers =
                c.getPreferences() == null || c.getPreferences().isBlank() ? "" : "; prefers: " + c.getPreferences();
        String stale = c.isStale(now, Book.STALE_AFTER) ? " — to re-verify" : "";
        return "- " + c.getFullName() + title + ", " + c.getEmail() + prefers + "; " + verified(c) + stale;
    }

    private static String verified(Contact c) {
        return c.getLastVerifiedAt() == null ? "never verified" : "verified " + day(c.getLastVerifiedAt());
    }

    private static String interaction(Interaction i) {
        String with = i.getContact() == null ? "" : " with " + i.getContact().getFullName();
        String kind = i.getKind().name().charAt(0)
                + i.getKind().name().substring(1).toLowerCase().replace('_', ' ');
        return "- " + day(i.getOccurredAt()) + " " + kind + with + " ("
                + i.getBy().getFullName() + "): " + i.getSummary();
    }

    private static String commitment(Commitment c) {
        String owner =
                c.getOwner() == null ? "no owner" : "owner " + c.getOwner().getFullName();
        String where = switch (c.getStatus()) {
            case REJECTED -> "; rejected by delivery, to renegotiate";
            case DELIVERED -> "; delivered, to verify with the customer";
            case PROPOSED -> "; not yet accepted by delivery";
            default -> "";
        };
        return "- " + c.getDescription() + ": " + owner + ", due " + c.getDueDate() + where;
    }

    private static String task(Task t) {
        String who = t.getAssignee() != null ? t.getAssignee() : String.join(", ", t.getCandidateGroups());
        String due = t.getDueAt() == null ? "" : ", due " + day(t.getDueAt());
        return "- Open task: " + t.getName() + " (" + who + due + ")";
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String lines(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
