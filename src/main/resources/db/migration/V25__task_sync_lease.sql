-- Engine calls for a task row no longer happen under its row lock: an instance takes a short lease
-- on the row (committed), calls the engine, then records the outcome. Failed completions wait longer
-- each time (back-off), and one the engine refuses for good goes back to its assignee with the reason.
alter table task add column sync_lease_until timestamptz;
alter table task add column sync_attempts integer not null default 0;
alter table task add column next_sync_at timestamptz;
alter table task add column completion_refusal varchar(1000);
create index task_completing_idx on task (next_sync_at) where status = 'COMPLETING';
