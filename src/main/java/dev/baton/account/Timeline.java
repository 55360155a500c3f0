package dev.baton.account;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.audit.AuditLog;
import dev.baton.people.People;
import dev.baton.people.Person;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's story in one list, newest first and in words for people: logged interactions, plus
 * what the audit log recorded for the account (promises, handovers, edits), each as a sentence from
 * {@link TimelineSentences} with a link to read more. Task steps are left out (the task's history has them).
 */
@Service
public class Timeline {

    private final AccountService accounts;
    private final Interactions interactions;
    private final AuditEvents events;
    private final People people;

    Timeline(AccountService accounts, Interactions interactions, AuditEvents events, People people) {
        this.accounts = accounts;
        this.interactions = interactions;
        this.events = events;
        this.people = people;
    }

    /** @throws dev.baton.shared.NotFoundException when the account does not exist */
    @Transactional(readOnly = true)
    public List<TimelineItem> of(Long accountId) {
        accounts.account(accountId);
        Stream<TimelineItem> logged = interactions.findByAccountIdOrderByOccurredAtDesc(accountId).stream()
                .map(TimelineItem::of);
        List<AuditEvent> recorded = events.findByAccountIdOrderByAt(accountId).stream()
                .filter(TimelineSentences::tells)
                .toList();
        // the promise's words, from its own creation event: the account module does not read commitments
        Map<Long, String> promises = new HashMap<>();
        recorded.stream()
                .filter(e -> "commitment.created".equals(e.getAction()) && e.getAfterState() != null)
                .forEach(e -> promises.put(
                        e.getEntityId(), String.valueOf(e.getAfterState().get("description"))));
        Function<String, String> names = names();
        Stream<TimelineItem> told = recorded.stream()
                .map(e -> new TimelineItem(
                        type(e),
                        e.getAt(),
                        names.apply(e.getActor()),
                        TimelineSentences.of(e, names, promises.get(e.getEntityId())),
                        link(e)));
        return Stream.concat(logged, told)
                .sorted(Comparator.comparing(TimelineItem::when).reversed())
                .toList();
    }

    /** User name → full name, each looked up once; automated steps are Baton's. */
    private Function<String, String> names() {
        Map<String, String> known = new HashMap<>(Map.of(AuditLog.SYSTEM, "Baton"));
        return username -> username == null
                ? "Baton"
                : known.computeIfAbsent(
                        username,
                        u -> people.findByUsername(u).map(Person::getFullName).orElse(u));
    }

    private static String type(AuditEvent e) {
        return switch (e.getEntityType()) {
            case "commitment" -> TimelineItem.COMMITMENT;
            case "handover_item", "handover" -> TimelineItem.HANDOVER;
            default -> TimelineItem.CHANGE;
        };
    }

    /**
     * The handover's page for its steps (when the event names its handover), a commitment's own page,
     * else the record's audit trail.
     */
    private static String link(AuditEvent e) {
        Object handover = e.getAfterState() == null ? null : e.getAfterState().get("handoverId");
        if ("handover_item".equals(e.getEntityType()) && handover != null) {
            return "/handovers/" + handover + "/accounts/" + e.getAccountId();
        }
        if ("commitment".equals(e.getEntityType())) {
            return "/commitments/" + e.getEntityId();
        }
        return "/audit?entityType=" + e.getEntityType() + "&entityId=" + e.getEntityId();
    }
}
