-- The inbox's team arm (InboxQuery) merges a team's offers, read from task_candidate_group
-- (team_key, task_id), with the open unclaimed tasks in id order from task_open_unheld_idx. It also
-- needs each task's sort keys, so every one of those tasks was read from the table (29,860 of them,
-- 15,900 buffers, about 33 ms at the benchmark's 1,000,000 tasks). With the list's sort keys in the
-- index the merge reads the index alone. Same rows, same predicate: the unassigned queue, which uses
-- it too, loses nothing.
create index task_open_unheld_sort_idx on task (id) include (due_at, created_at, follow_up_at, completed_at)
    where status = 'OPEN' and assignee is null;
drop index task_open_unheld_idx;
