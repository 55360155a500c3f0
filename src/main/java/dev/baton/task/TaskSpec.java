package dev.baton.task;

import java.time.Instant;
import java.util.Set;

/**
 * What the engine says about a human step, in Baton's terms: the bridge from the engine's
 * user-task jobs fills it in, so nothing in this package depends on the engine's API.
 *
 * @param subject what else the step is about (header {@code baton:subjectType} and variable {@code
 *     subjectId}), or null
 * @param ownReminders the step's BPMN sends its own reminders/escalation (custom header {@code
 *     baton:ownReminders=true}), so Baton's reminder run leaves it alone
 * @param ownAssignmentMail the playbook has told the assignee already (custom header {@code
 *     baton:ownAssignmentMail=true}, e.g. a commitment's "assigned to you" mail), so the inbox sends
 *     no "New task" mail of its own; it still does when the task goes to someone covering
 */
public record TaskSpec(
    long jobKey,
    long processInstanceKey,
    long elementInstanceKey,
    String bpmnProcessId,
    int processVersion,
    String elementId,
    String name,
    String assignee,
    Set<String> candidateGroups,
    String formKey,
    Instant dueAt,
    Instant followUpAt,
    Long accountId,
    TaskSubject subject,
    boolean ownReminders,
    boolean ownAssignmentMail) {

  public TaskSpec {
    candidateGroups = candidateGroups == null ? Set.of() : Set.copyOf(candidateGroups);
  }

  /** A step whose BPMN leaves reminders and escalation to Baton (no {@code baton:ownReminders} header). */
  public TaskSpec(long jobKey, long processInstanceKey, long elementInstanceKey, String bpmnProcessId,
      int processVersion, String elementId, String name, String assignee, Set<String> candidateGroups,
      String formKey, Instant dueAt, Instant followUpAt, Long accountId, TaskSubject subject) {
    this(jobKey, processInstanceKey, elementInstanceKey, bpmnProcessId, processVersion, elementId, name, assignee,
        candidateGroups, formKey, dueAt, followUpAt, accountId, subject, false, false);
  }
}
