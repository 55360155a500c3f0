package dev.baton.task.web;

import dev.baton.task.Task;
import dev.baton.task.TaskStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A task as the API and the pages show it; a completed one with who completed it, when, and the values.
 * {@code subjectType}/{@code subjectId} say what else it is about (e.g. {@code commitment} 12).
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
    String completionRefusal) {

  static TaskView of(Task t, Instant now) {
    boolean overdue = t.isOpen() && t.getDueAt() != null && t.getDueAt().isBefore(now);
    return new TaskView(t.getId(), t.getName(), t.getStatus(), t.getAssignee(), t.getOriginalAssignee(),
        t.getDelegatedBy(), new TreeSet<>(t.getCandidateGroups()),
        t.getDueAt(), t.getFollowUpAt(), t.getCreatedAt(), overdue, t.getFormKey(), t.getAccountId(),
        t.getSubject() == null ? null : t.getSubject().type(), t.getSubject() == null ? null : t.getSubject().id(), t.getBpmnProcessId(), t.getProcessInstanceKey(), t.getCompletedBy(),
        t.getCompletedAt(), t.getOutcome(), t.getCompletionRefusal());
  }
}
