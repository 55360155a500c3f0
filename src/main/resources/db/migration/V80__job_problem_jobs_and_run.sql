-- A problem is one per step and cause, but two jobs of the step (a multi-instance step's parallel
-- instances) can fail for that cause: the row keeps every job still waiting on it, and is resolved
-- once the last of them went through (until now only the last job's key was kept: the first going
-- through resolved nothing, the second resolved the row though the first still waited).
alter table job_problem add column open_job_keys bigint[];
update job_problem set open_job_keys = case when resolved_at is null then array[job_key] else '{}' end;
alter table job_problem
    alter column open_job_keys set not null,
    alter column open_job_keys set default '{}';
create index job_problem_open_jobs_idx on job_problem using gin (open_job_keys) where resolved_at is null;

-- The step's playbook and element by their names in the model the job ran (null: no name, or listed
-- before V80), and the run it belongs to: the instance started on its own at the top of its calls (its
-- own key when it was not called, or when the engine could not tell), so the admins' page links the
-- run and a run that is canceled or ends resolves the problems of every instance it called.
alter table job_problem
    add column playbook_name text,
    add column element_name  text,
    add column run_key       bigint;
update job_problem set run_key = process_instance_key;
alter table job_problem alter column run_key set not null;
create index job_problem_open_run_idx on job_problem (run_key) where resolved_at is null;
