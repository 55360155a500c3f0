package dev.baton.task;

import dev.baton.account.Accounts;
import dev.baton.account.ContactService;
import dev.baton.account.Timeline;
import dev.baton.audit.AuditEvents;
import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.Commitments;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Gathers a task's business context for its page: read-only, through the owning features' services. */
@Component
class TaskContext {

  /** A page shows the nearest commitments; the account page has them all. */
  private static final int COMMITMENTS_SHOWN = 50;

  private final Accounts accounts;
  private final Commitments commitments;
  private final Timeline timeline;
  private final ContactService contacts;
  private final CommitmentService commitmentService;
  private final AuditEvents events;

  TaskContext(Accounts accounts, Commitments commitments, Timeline timeline, ContactService contacts,
      CommitmentService commitmentService, AuditEvents events) {
    this.accounts = accounts;
    this.commitments = commitments;
    this.timeline = timeline;
    this.contacts = contacts;
    this.commitmentService = commitmentService;
    this.events = events;
  }

  TaskDetails of(Task task, FormDefinition form) {
    Long accountId = task.getAccountId();
    TaskDetails.AccountRef account = accountId == null ? null : accounts.findById(accountId)
        .map(a -> new TaskDetails.AccountRef(a.getId(), a.getName(),
            a.getOwner() == null ? null : a.getOwner().getUsername(),
            a.getOwner() == null ? null : a.getOwner().getFullName()))
        .orElse(null);
    TaskDetails.CommitmentRef commitment = task.getCommitmentId() == null ? null : commitments
        .findById(task.getCommitmentId()).map(c -> new TaskDetails.CommitmentRef(c.getId(), c.getDescription()))
        .orElse(null);
    boolean hasAccount = account != null;
    return new TaskDetails(task, form, account, commitment,
        hasAccount ? timeline.of(accountId) : List.of(),
        hasAccount ? contacts.forAccount(accountId, null) : List.of(),
        hasAccount ? commitmentService.find(CommitmentFilter.ofAccount(accountId),
            PageRequest.of(0, COMMITMENTS_SHOWN, Sort.by("dueDate"))).getContent() : List.of(),
        events.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()).stream()
            .map(e -> new TaskDetails.HistoryEntry(e.getAt(), e.getActor(), e.getAction(), e.getAfterState()))
            .toList());
  }
}
