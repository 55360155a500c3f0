-- A step offered only to teams none of which has an active member waits in the admins' unassigned work
-- until one has (session 47). Which teams it waits for was kept only in its reason's text and read back
-- with regular expressions: a team name holding "('key')", a reason clipped at 960 characters or a
-- rewording broke it silently. The keys are data now, as is what the reason says besides (the model's
-- other problems: an unknown candidate user), which the step keeps when it goes back to its teams.
-- Both are null when the step waits for nothing; an admin's claim, assignment or move clears them.
alter table task
    add column waiting_for_teams   text[],
    add column reason_once_staffed varchar(1000);

-- UnstaffedTeamSteps asks on every change of a team's active members which steps wait for its teams:
-- a handful of rows among every task ever, found through this index rather than a scan of the table.
create index task_waiting_for_teams_idx on task using gin (waiting_for_teams) where waiting_for_teams is not null;

-- The steps already waiting (sent there by sessions 46 and 47 before this column): their reason's words,
-- as TaskPeople wrote them, read once here. The phrase is "offered to team Name ('key'), which has no
-- active member" or "offered to teams A ('a') and B ('b'), none of which has an active member", with the
-- model's other problems before or after it, joined by "; ".
with waiting as (
    select t.id,
           substring(t.unassigned_reason
                     from 'offered to teams? .*?, (?:which has no|none of which has an) active member') as phrase
    from task t
    where t.status = 'OPEN'
      and t.assignee is null
      and not exists (select 1 from task_candidate_group g where g.task_id = t.id)
      and not exists (select 1 from task_candidate_user u where u.task_id = t.id)
      and t.unassigned_reason like '%offered to team%active member%'
)
update task t
set waiting_for_teams   = array(select m[1]
                                from regexp_matches(w.phrase, '\(''([a-z0-9][a-z0-9-]*)''\)(?=, | and |, (?:which|none))', 'g') m),
    reason_once_staffed = nullif(trim(both '; ' from replace(replace(t.unassigned_reason, w.phrase, ''), '; ; ', '; ')), '')
from waiting w
where w.id = t.id and w.phrase is not null;
update task set waiting_for_teams = null, reason_once_staffed = null where waiting_for_teams = '{}';
