-- The process instances Baton started, for the catalogue's counts and instance lists: the engine's
-- gRPC API has no query. ended_at is set once the engine no longer knows the instance (completed
-- or cancelled: Baton cannot tell which).
create table playbook_instance (
    process_instance_key bigint primary key,
    bpmn_process_id varchar(255) not null,
    process_version int not null,
    process_definition_key bigint not null,
    account_id bigint, -- no foreign key: a start must never fail on its record
    started_by varchar(100),
    started_at timestamptz not null,
    ended_at timestamptz
);
create index playbook_instance_process_idx on playbook_instance (bpmn_process_id, started_at);
create index playbook_instance_running_idx on playbook_instance (started_at) where ended_at is null;
