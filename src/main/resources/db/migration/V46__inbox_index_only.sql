-- The inbox (open tasks assigned to me, or unclaimed and offered to my team or to me, by due date) and
-- its count could only walk the open tasks by due date and fetch each row from the table to check its
-- assignee: 100,000 heap reads per inbox at 100,000 open tasks (240 ms for a team member). With the
-- sort keys and the assignee in one index over the open tasks, the page's ids and count are read from
-- the index alone (no heap fetch once vacuumed: 30-50 ms). The offers of a team, which the inbox
-- probes as a hashed set, are likewise read from an index alone with task_id in it.
-- The indexes dropped are prefixes of the new ones with the same predicate: nothing else loses a plan.
create index task_open_queue_idx on task (due_at, created_at, id) include (assignee) where status = 'OPEN';
drop index task_open_due_idx;

create index task_candidate_group_team_task_idx on task_candidate_group (team_key, task_id);
drop index task_candidate_group_team_idx;
