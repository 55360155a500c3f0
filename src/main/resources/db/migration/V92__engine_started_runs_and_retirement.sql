-- Session 42's probe. F4: the runs the engine starts itself (a timer or signal start event, a call from a
-- recorded run) are recorded as runs of their playbook too. started_how: null for a run Baton launched,
-- else TIMER, SIGNAL, ENGINE (a plain start Baton did not make) or CALL (then called_by is the caller's key).
alter table playbook_instance add column started_how varchar(20);
alter table playbook_instance add column called_by bigint;
create index playbook_instance_called_by_idx on playbook_instance (called_by) where called_by is not null;

-- F8: a retired playbook: not launched, hidden from the catalogue, no timer start; its runs go on.
-- restore_upload_id: the kept upload to deploy again when it is brought back (null when retiring deployed nothing)
create table playbook_retirement (
    bpmn_process_id varchar(255) primary key,
    retired_by varchar(100) not null,
    retired_at timestamptz not null,
    restore_upload_id bigint
);
