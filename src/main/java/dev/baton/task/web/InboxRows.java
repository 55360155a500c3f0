package dev.baton.task.web;

import dev.baton.task.Task;
import dev.baton.task.TaskInbox;
import dev.baton.task.TaskTopic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The inbox page's rows: what each task is about, grouped, and the account filter's choices. */
final class InboxRows {

    private InboxRows() {}

    /** One row: the task, and what it is about (never null: an empty topic when nothing is known). */
    record Row(TaskView task, TaskTopic topic) {

        Row {
            topic = topic == null ? new TaskTopic(null, null, null, null) : topic;
        }

        /** How the row's buttons and links are named: "Write handover note · Brauerei Huber". */
        public String label() {
            String about = topic.describe(task.name());
            return about.equals(task.name()) ? about : task.name() + " · " + about;
        }
    }

    /** Rows under one heading (none when not grouped); {@code href} links the heading, or is null. */
    record Group(String heading, String href, List<Row> rows) {}

    /** An account the filter offers: one of the accounts of the tasks in view. */
    record AccountOption(long id, String name) {}

    /** "Save and next" and the inbox's offer after Complete: plain values (kept in the session between pages). */
    record NextOffer(long id, String name, String about, long left) {

        static NextOffer of(TaskInbox.Next next) {
            Task task = next.task();
            String about = next.topic() == null ? task.getName() : next.topic().describe(task.getName());
            return new NextOffer(task.getId(), task.getName(), about, next.left());
        }
    }

    /** By group name: "account" (by account name), "subject" (handover, commitment, ...), else one group. */
    static List<Group> group(List<Row> rows, String by) {
        if (!by.equals("account") && !by.equals("subject")) {
            return List.of(new Group(null, null, rows));
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            TaskTopic t = row.topic();
            boolean byAccount = by.equals("account");
            String key = byAccount
                    ? String.valueOf(t.account())
                    : t.subject() == null
                            ? "none"
                            : t.subject().type() + ":" + t.subject().id();
            String heading = byAccount
                    ? Objects.requireNonNullElse(t.account(), "No account")
                    : t.subject() == null
                            ? "Not about a handover or commitment"
                            : t.subject().label() + ": " + t.subject().title();
            String href = byAccount
                    ? t.accountName() == null ? null : "/accounts/" + t.accountId()
                    : t.subject() == null ? null : t.subject().href();
            groups.computeIfAbsent(key, k -> new Group(heading, href, new ArrayList<>()))
                    .rows()
                    .add(row);
        }
        return List.copyOf(groups.values());
    }

    /** The Baton accounts of the tasks, by name. */
    static List<AccountOption> accounts(Collection<Task> tasks, Map<Long, TaskTopic> topics) {
        Map<Long, AccountOption> found = new LinkedHashMap<>();
        for (Task t : tasks) {
            TaskTopic topic = topics.get(t.getId());
            if (topic != null && topic.accountName() != null) {
                found.putIfAbsent(topic.accountId(), new AccountOption(topic.accountId(), topic.accountName()));
            }
        }
        return found.values().stream()
                .sorted(Comparator.comparing(AccountOption::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * The accounts a typed name means: those named exactly so (any case), else those whose name
     * contains it; null when nothing was typed (no account filter).
     */
    static List<AccountOption> matching(List<AccountOption> accounts, String typed) {
        if (!typed(typed)) {
            return null;
        }
        String name = typed.trim().toLowerCase(Locale.ROOT);
        List<AccountOption> exact = accounts.stream()
                .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(name))
                .toList();
        return !exact.isEmpty()
                ? exact
                : accounts.stream()
                        .filter(a -> a.name().toLowerCase(Locale.ROOT).contains(name))
                        .toList();
    }

    /** The account's name for the filter input, else what was typed. */
    static String name(List<AccountOption> accounts, long id, String typed) {
        return accounts.stream()
                .filter(a -> a.id() == id)
                .map(AccountOption::name)
                .findFirst()
                .orElse(typed);
    }

    static boolean typed(String account) {
        return account != null && !account.isBlank();
    }
}
