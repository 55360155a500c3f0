package dev.baton.task.web;

import dev.baton.audit.AuditLog;
import dev.baton.people.FullNames;
import dev.baton.shared.StatusWords;
import dev.baton.task.TaskDetails.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A task's history as its page writes it: who by full name ("Baton" for what Baton did on its own)
 * and what happened in words ("assigned to Rita Okafor", "canceled"), not the audit's codes and user
 * names ("system task.assigned → rita").
 */
final class TaskHistoryLines {

    /** One event: when, who, what, and how it came about (the audit's note), if it says. */
    record Line(Instant at, String actor, String what, String how) {}

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("task.assigned", "assigned"),
            Map.entry("task.unassigned", "left for someone to claim"),
            Map.entry("task.claimed", "claimed"),
            Map.entry("task.unclaimed", "given back to the team"),
            Map.entry("task.delegated", "delegated"),
            Map.entry("task.reassigned", "reassigned"),
            Map.entry("task.released", "released: its holder could not act on it"),
            Map.entry("task.sent-to-unassigned", "sent to the admins' unassigned work: nobody can claim it"),
            Map.entry("task.offered-again", "offered to its team again"),
            Map.entry("task.reminded", "reminder sent"),
            Map.entry("task.escalated", "overdue: escalated"),
            Map.entry("task.overdue-unescalated", "overdue, nobody to escalate to"),
            Map.entry("task.completed", "completed"),
            Map.entry("task.completion-confirmed", "completion confirmed by the playbook"),
            Map.entry("task.completion-refused", "completion refused by the playbook"),
            Map.entry("task.canceled", "canceled"));

    /** The events that give the task to someone: their line says to whom. */
    private static final Set<String> HANDED = Set.of("task.assigned", "task.delegated", "task.reassigned");

    private TaskHistoryLines() {}

    /** The user names the history names: each event's actor, the assignee before and after it. */
    static Stream<String> people(List<HistoryEntry> history) {
        return history.stream().flatMap(h -> Stream.of(h.actor(), h.previousAssignee(), assignee(h)));
    }

    /** The events in words, people by {@code names} (which must hold {@link #people}' names). */
    static List<Line> of(List<HistoryEntry> history, FullNames names) {
        return history.stream()
                .map(h -> new Line(h.at(), actor(h.actor(), names), what(h, names), note(h, "how")))
                .toList();
    }

    private static String actor(String username, FullNames names) {
        return AuditLog.SYSTEM.equals(username) ? "Baton" : names.of(username);
    }

    /**
     * A reassignment is said as what it was: "assigned to" when nobody held the step (session 44's probe: a
     * manager's assignment of an unclaimed step said "reassigned to"), "moved it from Rob Jansen to Rita
     * Okafor" when someone other than its holder moved it (a manager, an admin, a handover), as its holder
     * did not delegate it.
     */
    private static String what(HistoryEntry h, FullNames names) {
        String action = h.action();
        String words = WORDS.getOrDefault(action, StatusWords.phrase(action.replaceFirst("^task\\.", "")));
        String to = assignee(h);
        if (!HANDED.contains(action) || to == null) {
            return words;
        }
        String from = h.previousAssignee();
        if ("task.reassigned".equals(action)) {
            if (from == null) {
                return "assigned to " + names.of(to);
            }
            if (!from.equals(h.actor())) {
                return "moved it from " + names.of(from) + " to " + names.of(to);
            }
        }
        return words + " to " + names.of(to);
    }

    /**
     * How the task came to its holder, for its page beside "originally for": "handed on by" whoever delegated
     * it; "moved by" whoever moved it though it was not theirs (the newest such move to its holder in {@code
     * history}: a manager, an admin); else, when it still has a holder, "covering an absence"; null when it was
     * first for nobody.
     */
    static String origin(
            String assignee, String originalAssignee, String delegatedBy, List<HistoryEntry> history, FullNames names) {
        if (originalAssignee == null) {
            return null;
        }
        String first = "originally for " + names.of(originalAssignee);
        if (delegatedBy != null) {
            return first + ", handed on by " + names.of(delegatedBy);
        }
        if (assignee == null) {
            return first;
        }
        return history.reversed().stream()
                .filter(h -> "task.reassigned".equals(h.action()) && assignee.equals(assignee(h)))
                .findFirst()
                .map(h -> first + ", moved by " + actor(h.actor(), names))
                .orElse(first + ", covering an absence");
    }

    private static String assignee(HistoryEntry h) {
        return note(h, "assignee");
    }

    private static String note(HistoryEntry h, String key) {
        return h.after() == null ? null : Objects.toString(h.after().get(key), null);
    }
}
