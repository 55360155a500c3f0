package dev.baton.handover;

import dev.baton.account.Contact;
import dev.baton.account.Timeline;
import dev.baton.account.TimelineItem;
import dev.baton.handover.HandoverViews.PreviewCommitment;
import dev.baton.people.Person;
import dev.baton.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the successor needs on one page before acknowledging an account: the note, the
 * question and answer, the contacts (stale ones flagged), open commitments and the timeline.
 */
@Service
public class AccountReview {

    public record View(
            long handoverId,
            long itemId,
            long accountId,
            String accountName,
            String departingName,
            String successorName,
            HandoverStep step,
            Map<String, Object> note,
            String noteBy,
            String question,
            String answer,
            List<ContactLine> contacts,
            List<PreviewCommitment> commitments,
            List<TimelineItem> timeline) {}

    public record ContactLine(
            String fullName,
            String title,
            String email,
            String phone,
            String preferences,
            boolean primary,
            boolean stale) {}

    private final HandoverItems items;
    private final HandoverQueries queries;
    private final Book book;
    private final Timeline timeline;
    private final Clock clock;

    AccountReview(HandoverItems items, HandoverQueries queries, Book book, Timeline timeline, Clock clock) {
        this.items = items;
        this.queries = queries;
        this.book = book;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * For the successor, the departing person, and whoever may see the handover. Keyed by account,
     * because a task row knows its handover and account: the acknowledgement task can link here.
     */
    @Transactional(readOnly = true)
    public View of(long handoverId, long accountId, String username) {
        HandoverItem item = items.findByHandoverIdAndAccountId(handoverId, accountId)
                .orElseThrow(() -> NotFoundException.notPartOf("account", accountId, "handover", handoverId));
        Person departing = item.getHandover().getDeparting();
        Person successor = item.getSuccessor();
        boolean party = username.equals(departing.getUsername())
                || successor != null && username.equals(successor.getUsername());
        if (!party && !queries.maySee(item.getHandover(), username)) {
            throw new AccessDeniedException("handover " + handoverId + " is not yours to read");
        }
        Instant now = clock.instant();
        return new View(
                handoverId,
                item.getId(),
                accountId,
                item.getAccount().getName(),
                departing.getFullName(),
                successor == null ? null : successor.getFullName(),
                // not "Note being written" for a canceled handover's account, as the API and the handover's page
                HandoverStep.shown(item.getStep(), item.getHandover().getStatus() == HandoverStatus.CANCELLED),
                item.getNote(),
                item.getNoteBy(),
                item.getQuestion(),
                item.getAnswer(),
                book.contacts(accountId).stream().map(c -> line(c, now)).toList(),
                book.openCommitmentsOf(accountId).stream()
                        .map(HandoverQueries::commitment)
                        .toList(),
                timeline.of(accountId));
    }

    private static ContactLine line(Contact c, Instant now) {
        return new ContactLine(
                c.getFullName(),
                c.getTitle(),
                c.getEmail(),
                c.getPhone(),
                c.getPreferences(),
                c.isPrimary(),
                c.isStale(now, Book.STALE_AFTER));
    }
}
