-- A step that fails again for the same cause (a retry before the cause was fixed) stays one problem:
-- how many times it failed so, and when last; the admins' list is ordered by that.
alter table job_problem
    add column failures       integer     not null default 1,
    add column last_failed_at timestamptz;
update job_problem set last_failed_at = created_at;
alter table job_problem
    alter column last_failed_at set not null,
    alter column last_failed_at set default now();
create index job_problem_last_failed_idx on job_problem (last_failed_at desc);
create index job_problem_open_step_idx on job_problem (process_instance_key, element_id) where resolved_at is null;
