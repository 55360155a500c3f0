-- User-task jobs Baton could not turn into tasks: each was failed with no retries left (an engine
-- incident) and is listed for admins here, because the in-memory engine has no incident query.
create table job_problem (
    id                    bigserial    primary key,
    job_key               bigint       not null unique,
    process_instance_key  bigint       not null,
    bpmn_process_id       varchar(200) not null,
    element_id            varchar(200) not null,
    deliveries            integer      not null,
    message               text         not null,
    created_at            timestamptz  not null default now()
);
create index job_problem_created_idx on job_problem (created_at desc);
