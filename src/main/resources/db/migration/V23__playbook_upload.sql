-- Playbooks uploaded by admins, kept so that start-up deploys them again: the in-memory engine of
-- the sandbox forgets every deployment on restart. The BPMN and its forms as uploaded (UTF-8 text).
create table playbook_upload (
    id bigserial primary key,
    process_ids varchar(1000) not null, -- the file's executable process ids, comma-separated
    bpmn_name varchar(255) not null,
    bpmn text not null,
    forms jsonb not null default '{}', -- form file name -> its JSON text
    uploaded_by varchar(100) not null,
    uploaded_at timestamptz not null default now()
);
