package dev.baton.handover;

import dev.baton.account.Contact;
import dev.baton.account.Interaction;
import dev.baton.account.Interactions;
import dev.baton.commitment.Commitment;
import dev.baton.people.TimeZones;
import dev.baton.shared.Dates;
import dev.baton.task.Task;
import dev.baton.task.TaskFormDefaults;
import dev.baton.task.TaskStatus;
import dev.baton.task.Tasks;
import java.time.Clock;
import java.time.Instant;
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
 * person to edit; the relationship summary is theirs to write. Days are the writer's (the task's
 * assignee's zone, or the departing person's on the notes page), in Baton's one date format. A field
 * the form requires never starts blank: with nothing open it says so. Once the departing person has a
 * draft (autosaved on the notes page), the task page starts from that instead.
 */
@Component
class HandoverNoteDraft implements TaskFormDefaults {

    static final int RECENT_INTERACTIONS = 10;

    private final Book book;
    private final Interactions interactions;
    private final Tasks tasks;
    static final String NOTHING_OPEN = "No open commitments or open tasks.";

    private final Clock clock;
    private final HandoverItems items;
    private final Dates dates;
    private final TimeZones zones;

    HandoverNoteDraft(
            Book book,
            Interactions interactions,
            Tasks tasks,
            Clock clock,
            HandoverItems items,
            Dates dates,
            TimeZones zones) {
        this.items = items;
        this.dates = dates;
        this.zones = zones;
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
        return draft != null ? draft : fromRecord(accountId, task.getId(), task.getAssignee());
    }

    /**
     * The first draft from the account's record; {@code taskId} (the note's own task, may be null) is
     * left out of its open tasks; days are in the zone of {@code writer} (a user name, may be null).
     */
    Map<String, Object> fromRecord(Long accountId, Long taskId, String writer) {
        Instant now = clock.instant();
        Dates d = dates.in(zones.ofUsername(writer));
        List<Contact> contacts = book.contacts(accountId);
        List<String> open = java.util.stream.Stream.concat(
                        book.openCommitmentsOf(accountId).stream().map(c -> commitment(c, d)),
                        tasks.findByAccountIdAndStatusOrderByDueAtAsc(accountId, TaskStatus.OPEN).stream()
                                .filter(t -> !t.getId().equals(taskId))
                                .map(t -> task(t, d)))
                .toList();
        return Map.of(
                "keyContacts",
                        lines(contacts.stream().map(c -> contact(c, now, d)).toList()),
                "historyHighlights",
                        lines(interactions.findByAccountIdOrderByOccurredAtDesc(accountId).stream()
                                .limit(RECENT_INTERACTIONS)
                                .map(i -> interaction(i, d))
                                .toList()),
                "openCommitmentsAndRisks", open.isEmpty() ? NOTHING_OPEN : lines(open),
                "contactsToReverify",
                        lines(contacts.stream()
                                .filter(c -> c.isStale(now, Book.STALE_AFTER))
                                .map(c -> "- " + c.getFullName() + ": " + verified(c, d))
                                .toList()));
    }

    private static String contact(Contact c, Instant now, Dates d) {
        String title = c.getTitle() == null ? "" : " (" + c.getTitle() + ")";
        String prefers =
                c.getPreferences() == null || c.getPreferences().isBlank() ? "" : "; prefers: " + c.getPreferences();
        String stale = c.isStale(now, Book.STALE_AFTER) ? " — to re-verify" : "";
        String email = c.getEmail() == null ? "no e-mail address" : c.getEmail();
        return "- " + c.getFullName() + title + ", " + email + prefers + "; " + verified(c, d) + stale;
    }

    private static String verified(Contact c, Dates d) {
        return c.getLastVerifiedAt() == null ? "never verified" : "verified " + d.day(c.getLastVerifiedAt());
    }

    private static String interaction(Interaction i, Dates d) {
        String with = i.getContact() == null ? "" : " with " + i.getContact().getFullName();
        String kind = i.getKind().name().charAt(0)
                + i.getKind().name().substring(1).toLowerCase().replace('_', ' ');
        return "- " + d.day(i.getOccurredAt()) + " " + kind + with + " (" + i.authorName() + "): " + i.getSummary();
    }

    private static String commitment(Commitment c, Dates d) {
        String owner =
                c.getOwner() == null ? "no owner" : "owner " + c.getOwner().getFullName();
        String where = switch (c.getStatus()) {
            case REJECTED -> "; rejected by delivery, to renegotiate";
            case DELIVERED -> "; delivered, to verify with the customer";
            case PROPOSED -> "; not yet accepted by delivery";
            default -> "";
        };
        return "- " + c.getDescription() + ": " + owner + ", due " + d.dayAndRelative(c.getDueDate()) + where;
    }

    private static String task(Task t, Dates d) {
        String who = t.getAssignee() != null ? t.getAssignee() : String.join(", ", t.getCandidateGroups());
        String due = t.getDueAt() == null ? "" : ", due " + d.time(t.getDueAt());
        return "- Open task: " + t.getName() + " (" + who + due + ")";
    }

    private static String lines(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
