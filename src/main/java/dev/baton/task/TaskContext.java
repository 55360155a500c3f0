package dev.baton.task;

import dev.baton.account.Accounts;
import dev.baton.account.ContactService;
import dev.baton.account.Timeline;
import dev.baton.audit.AuditEvents;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gathers a task's business context for its page: read-only, through the owning features' services.
 * Features the inbox knows nothing about describe the task's subject ({@link TaskSubjectSource}) and
 * list the account's commitments ({@link AccountCommitmentLines}).
 */
@Component
class TaskContext {

    /** A page shows the nearest commitments; the account page has them all. */
    private static final int COMMITMENTS_SHOWN = 50;

    private final Accounts accounts;
    private final Timeline timeline;
    private final ContactService contacts;
    private final AuditEvents events;
    /** Looked up on first use: sources depend on features that depend on the inbox. */
    private final ObjectProvider<TaskSubjectSource> subjectSources;

    private volatile Map<String, TaskSubjectSource> subjects;
    private final ObjectProvider<AccountCommitmentLines> commitments;

    TaskContext(
            Accounts accounts,
            Timeline timeline,
            ContactService contacts,
            AuditEvents events,
            ObjectProvider<TaskSubjectSource> subjects,
            ObjectProvider<AccountCommitmentLines> commitments) {
        this.accounts = accounts;
        this.timeline = timeline;
        this.contacts = contacts;
        this.events = events;
        this.subjectSources = subjects;
        this.commitments = commitments;
    }

    TaskDetails of(Task task, FormDefinition form) {
        Long accountId = task.getAccountId();
        TaskDetails.AccountRef account = accountId == null
                ? null
                : accounts.findById(accountId)
                        .map(a -> new TaskDetails.AccountRef(
                                a.getId(),
                                a.getName(),
                                a.getOwner() == null ? null : a.getOwner().getUsername(),
                                a.getOwner() == null ? null : a.getOwner().getFullName()))
                        .orElse(null);
        boolean hasAccount = account != null;
        AccountCommitmentLines lines = commitments.getIfAvailable();
        return new TaskDetails(
                task,
                form,
                account,
                subject(task),
                hasAccount ? timeline.of(accountId) : List.of(),
                hasAccount ? contacts.forAccount(accountId, null) : List.of(),
                hasAccount && lines != null ? lines.forAccount(accountId, COMMITMENTS_SHOWN) : List.of(),
                events.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()).stream()
                        .map(e ->
                                new TaskDetails.HistoryEntry(e.getAt(), e.getActor(), e.getAction(), e.getAfterState()))
                        .toList());
    }

    private TaskSubjectSource.Summary subject(Task task) {
        TaskSubject subject = task.getSubject();
        if (subjects == null) {
            subjects = subjectSources
                    .orderedStream()
                    .collect(Collectors.toUnmodifiableMap(TaskSubjectSource::type, Function.identity()));
        }
        TaskSubjectSource source = subject == null ? null : subjects.get(subject.type());
        return source == null
                ? null
                : source.describe(subject.id(), task.getAccountId()).orElse(null);
    }
}
