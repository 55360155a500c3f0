package dev.baton.task;

import java.time.Instant;
import java.util.Set;

/**
 * What the engine says about a human step, in Baton's terms: the bridge from the engine's
 * user-task jobs fills it in, so nothing in this package depends on the engine's API.
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
    Long commitmentId,
    Long handoverId) {

  public TaskSpec {
    candidateGroups = candidateGroups == null ? Set.of() : Set.copyOf(candidateGroups);
  }
}
