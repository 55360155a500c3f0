package dev.baton.task.web;

import dev.baton.people.FullNames;
import dev.baton.people.TeamNamesOnPage;
import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A task as the API and the pages show it; a completed one with who completed it, when, and the values.
 * {@code subjectType}/{@code subjectId} say what else it is about (e.g. {@code commitment} 12).
 * {@code playbook} is the playbook's name from its model (else its process id); {@code
 * unassignedReason} why the people the model named do not hold it; {@code accountRef} a business id
 * that is no Baton account (e.g. a CRM id), shown instead of a link.
 */
record TaskView(
        long id,
        String name,
        TaskStatus status,
        String assignee,
        String originalAssignee,
        String delegatedBy,
        Set<String> candidateGroups,
        Instant dueAt,
        Instant followUpAt,
        Instant createdAt,
        boolean overdue,
        String formKey,
        Long accountId,
        String subjectType,
        Long subjectId,
        String bpmnProcessId,
        long processInstanceKey,
        String completedBy,
        Instant completedAt,
        Map<String, Object> outcome,
        String completionRefusal,
        Set<String> candidateUsers,
        String playbook,
        String unassignedReason,
        String accountRef) {

    static TaskView of(Task t, Instant now) {
        boolean overdue = t.isOpen() && t.getDueAt() != null && t.getDueAt().isBefore(now);
        return new TaskView(
                t.getId(),
                t.getName(),
                t.getStatus(),
                t.getAssignee(),
                t.getOriginalAssignee(),
                t.getDelegatedBy(),
                new TreeSet<>(t.getCandidateGroups()),
                t.getDueAt(),
                t.getFollowUpAt(),
                t.getCreatedAt(),
                overdue,
                t.getFormKey(),
                t.getAccountId(),
                t.getSubject() == null ? null : t.getSubject().type(),
                t.getSubject() == null ? null : t.getSubject().id(),
                t.getBpmnProcessId(),
                t.getProcessInstanceKey(),
                t.getCompletedBy(),
                t.getCompletedAt(),
                t.getOutcome(),
                t.getCompletionRefusal(),
                new TreeSet<>(t.getCandidateUsers()),
                t.getProcessName() != null ? t.getProcessName() : t.getBpmnProcessId(),
                t.getUnassignedReason(),
                t.getAccountRef());
    }

    /**
     * Who is offered it when nobody holds it: "team Sales EMEA, Customer Success · Rob Jansen, Rita Okafor", or
     * "unassigned"; teams by name (session 43's probe: the keys showed).
     */
    public String offeredTo(FullNames names, TeamNamesOnPage teamNames) {
        String teams = candidateGroups.isEmpty() ? "" : "team " + teamNames.ofAll(candidateGroups);
        String users = String.join(", ", candidateUsers.stream().map(names::of).toList());
        String both = teams.isEmpty() || users.isEmpty() ? teams + users : teams + " · " + users;
        return both.isEmpty() ? "unassigned" : both;
    }

    /** The user names a page names this task's people by: holder, original holder, delegator, completer, candidates. */
    Stream<String> people() {
        return Stream.concat(Stream.of(assignee, originalAssignee, delegatedBy, completedBy), candidateUsers.stream());
    }
}
