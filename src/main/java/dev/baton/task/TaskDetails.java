package dev.baton.task;

/**
 * A task with what a person needs to act on it: its form and its business context.
 *
 * @param account the account the task is about, if any
 * @param commitment the commitment the task is about, if any
 */
public record TaskDetails(Task task, FormDefinition form, AccountRef account, CommitmentRef commitment) {

  public record AccountRef(long id, String name, String ownerUsername, String ownerName) {}

  public record CommitmentRef(long id, String description) {}
}
