-- Building-block steps that have run, keyed by the step's element instance key: a job the engine
-- delivers again finds its row and completes with the same outputs, doing nothing twice.
create table block_run (
    element_instance_key  bigint       primary key,
    job_type              varchar(100) not null,
    outputs               text         not null,
    created_at            timestamptz  not null default now()
);
