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

    /** The user names the history names: each event's actor and the assignee after it. */
    static Stream<String> people(List<HistoryEntry> history) {
        return history.stream().flatMap(h -> Stream.of(h.actor(), assignee(h)));
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

    private static String what(HistoryEntry h, FullNames names) {
        String action = h.action();
        String words = WORDS.getOrDefault(action, StatusWords.phrase(action.replaceFirst("^task\\.", "")));
        String to = assignee(h);
        return HANDED.contains(action) && to != null ? words + " to " + names.of(to) : words;
    }

    private static String assignee(HistoryEntry h) {
        return note(h, "assignee");
    }

    private static String note(HistoryEntry h, String key) {
        return h.after() == null ? null : Objects.toString(h.after().get(key), null);
    }
}
