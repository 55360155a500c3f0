-- Set when a completion was sent to the engine but its answer was lost (timeout, dropped
-- connection): the engine may have taken it. If the job is gone at the next attempt, the first
-- one landed, and the task is COMPLETED, not CANCELED.
alter table task add column completion_outcome_unknown boolean not null default false;
