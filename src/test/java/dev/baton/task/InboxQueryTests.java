package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.support.PostgresTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox as SQL ({@link InboxQuery}) against the filter it replaces for the inbox ({@link
 * TaskFilter#toSpecification}, still every other list's): the same tasks, in the same order, with the
 * same totals, for every kind of offer, filter, sort and page, over tasks drawn at random.
 */
@PostgresTest
@Import(InboxQuery.class)
class InboxQueryTests {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Viewer IN_TWO_TEAMS = new Viewer("iq-me", Set.of("iq-t1", "iq-t2"), Set.of(), false);
    static final Viewer IN_NO_TEAM = new Viewer("iq-me", Set.of(), Set.of(), false);
    static final Viewer SOMEONE_ELSE = new Viewer("iq-other", Set.of("iq-t3"), Set.of(), false);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Tasks tasks;

    @Autowired
    InboxQuery inbox;

    long[] accounts;

    @BeforeEach
    void randomTasks() {
        accounts = new long[] {account("IQ Acme"), account("IQ Globex")};
        Random random = new Random(20261130);
        String[] people = {"iq-me", "iq-other", null, null};
        String[] statuses = {"OPEN", "OPEN", "COMPLETED", "CANCELED", "COMPLETING"};
        for (int i = 0; i < 400; i++) {
            String status = statuses[random.nextInt(statuses.length)];
            long id = task(
                    i,
                    people[random.nextInt(people.length)],
                    status,
                    random.nextInt(5) == 0 ? null : NOW.plus(Duration.ofDays(random.nextInt(20) - 10)),
                    random.nextInt(3) == 0 ? null : NOW.plus(Duration.ofDays(random.nextInt(6))),
                    // a few share a creation time: the id breaks the tie
                    NOW.minus(Duration.ofHours(random.nextInt(300))),
                    "iq-playbook-" + random.nextInt(2),
                    random.nextInt(3) == 2 ? null : accounts[random.nextInt(2)],
                    status.equals("COMPLETED") ? NOW.minus(Duration.ofMinutes(random.nextInt(50))) : null);
            for (String team : List.of("iq-t1", "iq-t2", "iq-t3")) {
                if (random.nextInt(3) == 0) {
                    jdbc.update("insert into task_candidate_group (task_id, team_key) values (?, ?)", id, team);
                }
            }
            for (String user : List.of("iq-me", "iq-other")) {
                if (random.nextInt(6) == 0) {
                    jdbc.update("insert into task_candidate_user (task_id, username) values (?, ?)", id, user);
                }
            }
        }
    }

    @Test
    void listsWhatTheFilterListsForEveryViewerFilterSortAndPage() {
        List<TaskFilter> filters = List.of(
                TaskFilter.of(TaskScope.INBOX, TaskStatus.OPEN),
                TaskFilter.of(TaskScope.INBOX, TaskStatus.OPEN, TaskStatus.COMPLETED, TaskStatus.CANCELED),
                new TaskFilter(TaskScope.INBOX, List.of(TaskStatus.OPEN), "iq-playbook-1", null, false),
                new TaskFilter(TaskScope.INBOX, List.of(TaskStatus.OPEN), null, accounts[0], false),
                new TaskFilter(TaskScope.INBOX, List.of(TaskStatus.OPEN, TaskStatus.COMPLETED), null, null, true),
                new TaskFilter(TaskScope.INBOX, List.of(TaskStatus.OPEN), "iq-playbook-0", accounts[1], true));
        List<Sort> sorts = List.of(
                Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("createdAt"), Sort.Order.asc("id")),
                Sort.by(Sort.Order.asc("followUpAt"), Sort.Order.asc("createdAt"), Sort.Order.asc("id")),
                Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("createdAt"), Sort.Order.asc("id")),
                Sort.by(Sort.Order.desc("completedAt"), Sort.Order.asc("createdAt"), Sort.Order.asc("id")));
        int compared = 0;
        for (Viewer viewer : List.of(IN_TWO_TEAMS, IN_NO_TEAM, SOMEONE_ELSE)) {
            for (TaskFilter filter : filters) {
                for (Sort sort : sorts) {
                    for (int page = 0; page < 12; page++) {
                        compared += same(viewer, filter, PageRequest.of(page, 9, sort));
                    }
                }
            }
        }
        // the comparison is not of two empty lists
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void anUnpagedInboxIsEveryMatchingTask() {
        Sort due = Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("createdAt"), Sort.Order.asc("id"));
        same(IN_TWO_TEAMS, TaskFilter.of(TaskScope.INBOX, TaskStatus.OPEN), Pageable.unpaged(due));
    }

    @Test
    void aTaskOfferedToTwoOfMyTeamsAndToMeIsListedOnceAndAClaimedOneOnlyToItsHolder() {
        long both = task(900, null, "OPEN", null, null, NOW, "iq-solo", null, null);
        long claimed = task(901, "iq-other", "OPEN", null, null, NOW, "iq-solo", null, null);
        for (long id : List.of(both, claimed)) {
            jdbc.update(
                    "insert into task_candidate_group (task_id, team_key) values (?, 'iq-t1'), (?, 'iq-t2')", id, id);
            jdbc.update("insert into task_candidate_user (task_id, username) values (?, 'iq-me')", id);
        }
        TaskFilter solo = new TaskFilter(TaskScope.INBOX, List.of(TaskStatus.OPEN), "iq-solo", null, false);

        Page<Task> mine = inbox.page(IN_TWO_TEAMS, solo, NOW, PageRequest.of(0, 10, Sort.by("id")));
        Page<Task> theirs = inbox.page(SOMEONE_ELSE, solo, NOW, PageRequest.of(0, 10, Sort.by("id")));

        assertThat(mine.getContent()).extracting(Task::getId).containsExactly(both);
        assertThat(mine.getTotalElements()).isEqualTo(1);
        assertThat(mine.getContent().get(0).getCandidateGroups()).containsExactlyInAnyOrder("iq-t1", "iq-t2");
        assertThat(theirs.getContent()).extracting(Task::getId).containsExactly(claimed);
    }

    @Test
    void noStatusesListNothingAndAnotherScopeOrSortIsRefused() {
        TaskFilter none = new TaskFilter(TaskScope.INBOX, List.of(), null, null, false);
        assertThat(inbox.page(IN_TWO_TEAMS, none, NOW, PageRequest.of(0, 10)).getTotalElements())
                .isZero();
        assertThatThrownBy(() -> inbox.page(
                        IN_TWO_TEAMS, TaskFilter.of(TaskScope.MINE, TaskStatus.OPEN), NOW, PageRequest.of(0, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inbox.page(
                        IN_TWO_TEAMS,
                        TaskFilter.of(TaskScope.INBOX, TaskStatus.OPEN),
                        NOW,
                        PageRequest.of(0, 10, Sort.by("assignee"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Compares one page both ways; returns how many tasks it held. */
    private int same(Viewer viewer, TaskFilter filter, Pageable pageable) {
        Page<Task> expected = tasks.findPage(filter.toSpecification(viewer, NOW), pageable);
        Page<Task> actual = inbox.page(viewer, filter, NOW, pageable);
        String what = viewer.username() + viewer.teams() + " " + filter + " " + pageable;
        assertThat(ids(actual)).as(what).isEqualTo(ids(expected));
        assertThat(actual.getTotalElements()).as(what).isEqualTo(expected.getTotalElements());
        return actual.getNumberOfElements();
    }

    private static List<Long> ids(Page<Task> page) {
        return new ArrayList<>(page.getContent().stream().map(Task::getId).toList());
    }

    private long account(String name) {
        return jdbc.queryForObject("insert into account (name) values (?) returning id", Long.class, name);
    }

    private long task(
            int n,
            String assignee,
            String status,
            Instant due,
            Instant followUp,
            Instant created,
            String playbook,
            Long account,
            Instant completed) {
        return jdbc.queryForObject(
                """
                insert into task (job_key, process_instance_key, element_instance_key, bpmn_process_id,
                  process_version, element_id, name, assignee, due_at, follow_up_at, account_id, status,
                  lock_expires_at, created_at, completed_at)
                values (?, ?, ?, ?, 1, 'step', 'Step', ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                7_700_000L + n,
                7_700_000L + n,
                7_700_000L + n,
                playbook,
                assignee,
                timestamp(due),
                timestamp(followUp),
                account,
                status,
                Timestamp.from(NOW.plus(Duration.ofDays(1))),
                timestamp(created),
                timestamp(completed));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
