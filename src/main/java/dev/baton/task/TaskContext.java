package dev.baton.task;

import dev.baton.account.Accounts;
import dev.baton.account.ContactService;
import dev.baton.account.Timeline;
import dev.baton.audit.AuditEvents;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
        TaskSubjectSource source = source(task);
        return new TaskDetails(
                task,
                form,
                account,
                subject(task),
                source == null ? List.of() : source.context(task.getSubject().id(), accountId, task.getFormKey()),
                hasAccount ? timeline.of(accountId) : List.of(),
                hasAccount ? contacts.forAccount(accountId, null) : List.of(),
                hasAccount && lines != null ? lines.forAccount(accountId, COMMITMENTS_SHOWN) : List.of(),
                events.findByEntityTypeAndEntityIdOrderByAt("task", task.getId()).stream()
                        .map(e -> new TaskDetails.HistoryEntry(
                                e.getAt(),
                                e.getActor(),
                                e.getAction(),
                                e.getAfterState(),
                                e.getBeforeState() == null
                                        ? null
                                        : java.util.Objects.toString(
                                                e.getBeforeState().get("assignee"), null)))
                        .toList());
    }

    /**
     * What each task is about, for a list: its account's name and its subject in words. One query for
     * the accounts; each subject is described once however many tasks share it.
     */
    Map<Long, TaskTopic> topics(Collection<Task> list) {
        Set<Long> accountIds =
                list.stream().map(Task::getAccountId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        accounts.findAllById(accountIds).forEach(a -> names.put(a.getId(), a.getName()));
        Map<TaskSubject, Optional<TaskSubjectSource.Summary>> described = new HashMap<>();
        Map<Long, TaskTopic> topics = new HashMap<>();
        for (Task t : list) {
            TaskSubjectSource.Summary subject = t.getSubject() == null
                    ? null
                    : described
                            .computeIfAbsent(t.getSubject(), s -> Optional.ofNullable(subject(t)))
                            .orElse(null);
            topics.put(
                    t.getId(),
                    new TaskTopic(t.getAccountId(), names.get(t.getAccountId()), t.getAccountRef(), subject));
        }
        return topics;
    }

    /** The task's subject as a mail names it ({@link TaskSubjectSource#mailName}); empty when it has none. */
    Optional<String> mailName(Task task) {
        TaskSubjectSource source = source(task);
        return source == null
                ? Optional.empty()
                : source.mailName(task.getSubject().id());
    }

    /** The words of the task's subject a "New task" mail quotes ({@link TaskSubjectSource#mailWords}); empty when none. */
    Optional<String> mailWords(Task task) {
        TaskSubjectSource source = source(task);
        return source == null
                ? Optional.empty()
                : source.mailWords(task.getSubject().id());
    }

    private TaskSubjectSource.Summary subject(Task task) {
        TaskSubjectSource source = source(task);
        return source == null
                ? null
                : source.describe(task.getSubject().id(), task.getAccountId()).orElse(null);
    }

    /** The feature describing the task's subject, or null (no subject, or no feature for its kind). */
    private TaskSubjectSource source(Task task) {
        TaskSubject subject = task.getSubject();
        if (subjects == null) {
            subjects = subjectSources
                    .orderedStream()
                    .collect(Collectors.toUnmodifiableMap(TaskSubjectSource::type, Function.identity()));
        }
        return subject == null ? null : subjects.get(subject.type());
    }
}
