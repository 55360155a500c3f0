package dev.baton.task;

import dev.baton.account.ContactView;
import dev.baton.account.TimelineItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task with what a person needs to act on it, on one page: its form, its business context (the
 * account's story, contacts and commitments) and its own history (every assignment, claim,
 * hand-over and completion).
 *
 * @param account the account the task is about, if any
 * @param subject what else the task is about (a commitment, a handover), if anything
 * @param context what the subject's feature shows beside this step's form (see {@link TaskSubjectSource#context})
 */
public record TaskDetails(
        Task task,
        FormDefinition form,
        AccountRef account,
        TaskSubjectSource.Summary subject,
        List<TaskSubjectSource.Context> context,
        List<TimelineItem> timeline,
        List<ContactView> contacts,
        List<AccountCommitmentLines.Line> commitments,
        List<HistoryEntry> history) {

    public record AccountRef(long id, String name, String ownerUsername, String ownerName) {}

    /**
     * One audit event of the task: who did what, when, the assignee/status after it, and who held it before
     * (null when nobody did).
     */
    public record HistoryEntry(
            Instant at, String actor, String action, Map<String, Object> after, String previousAssignee) {}
}
