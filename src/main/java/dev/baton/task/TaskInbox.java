package dev.baton.task;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the inbox page needs besides the tasks themselves (issue 16, point 6): what each row is
 * about, the playbooks to filter by (by name), and the next task of the same kind after one is done.
 */
@Service
public class TaskInbox {

    /** The most tasks "Save and next" looks through (and counts as left). */
    static final int NEXT_WINDOW = 200;

    private final TaskService tasks;
    private final TaskContext context;
    private final Tasks repository;

    TaskInbox(TaskService tasks, TaskContext context, Tasks repository) {
        this.tasks = tasks;
        this.context = context;
        this.repository = repository;
    }

    /** A playbook as the filter offers it: the process id it filters on, and the name people read. */
    public record Playbook(String processId, String name) {}

    /**
     * The next task for the same step of the same playbook, and how many such tasks are left.
     *
     * @param left how many besides the one just done, counting {@code task} (at most {@link #NEXT_WINDOW})
     */
    public record Next(Task task, TaskTopic topic, long left) {}

    /** Each task's account name and subject, by task id (see {@link TaskTopic}). */
    @Transactional(readOnly = true)
    public Map<Long, TaskTopic> topics(Collection<Task> list) {
        return context.topics(list);
    }

    /** Every playbook that has tasks, by its name, sorted by name (a handful: the filter's drop-down). */
    @Transactional(readOnly = true)
    public List<Playbook> playbooks() {
        return repository.findPlaybookNames().stream()
                .map(row -> new Playbook((String) row[0], row[1] == null ? (String) row[0] : (String) row[1]))
                .sorted(Comparator.comparing(Playbook::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * The open task in my inbox (mine, or my teams' to claim) for the same playbook step as {@code
     * done}, soonest due first; empty when there is none. {@code done} itself is never offered.
     */
    @Transactional(readOnly = true)
    public Optional<Next> nextOfKind(Task done) {
        TaskFilter filter =
                new TaskFilter(TaskScope.INBOX, List.of(TaskStatus.OPEN), done.getBpmnProcessId(), null, false);
        List<Task> same = tasks
                .list(
                        filter,
                        PageRequest.of(
                                0,
                                NEXT_WINDOW,
                                Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("createdAt"), Sort.Order.asc("id"))))
                .stream()
                .filter(t -> !t.getId().equals(done.getId()) && Objects.equals(t.getElementId(), done.getElementId()))
                .toList();
        if (same.isEmpty()) {
            return Optional.empty();
        }
        Task next = same.get(0);
        return Optional.of(new Next(next, context.topics(List.of(next)).get(next.getId()), same.size()));
    }
}
