package dev.baton.task;

import dev.baton.account.ContactView;
import dev.baton.account.TimelineItem;
import dev.baton.commitment.CommitmentView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task with what a person needs to act on it, on one page: its form, its business context (the
 * account's story, contacts and commitments) and its own history (every assignment, claim,
 * hand-over and completion).
 *
 * @param account the account the task is about, if any
 * @param commitment the commitment the task is about, if any
 */
public record TaskDetails(
    Task task, FormDefinition form, AccountRef account, CommitmentRef commitment, List<TimelineItem> timeline,
    List<ContactView> contacts, List<CommitmentView> commitments, List<HistoryEntry> history) {

  public record AccountRef(long id, String name, String ownerUsername, String ownerName) {}

  public record CommitmentRef(long id, String description) {}

  /** One audit event of the task: who did what, when, and the assignee/status after it. */
  public record HistoryEntry(Instant at, String actor, String action, Map<String, Object> after) {}
}
