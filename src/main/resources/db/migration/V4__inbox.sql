-- Inbox: delegation and cover keep who a task was for; reminders and escalations are recorded on
-- the task so each is sent once; absences (out-of-office cover) and mail preferences per person.

-- original_assignee: who the task was for before a delegation, a reassignment or absence cover
-- delegated_by: who handed it on (their "delegated" list); own_reminders: the BPMN has its own timers
alter table task add column original_assignee varchar(60);
alter table task add column delegated_by varchar(60);
alter table task add column own_reminders boolean not null default false;
alter table task add column reminded_at timestamptz;
alter table task add column escalated_at timestamptz;
create index task_delegated_by_idx on task (delegated_by) where delegated_by is not null;
create index task_open_due_idx on task (due_at) where status = 'OPEN';

create table absence (
    id           bigserial primary key,
    person_id    bigint      not null references person (id),
    delegate_id  bigint      not null references person (id),
    starts_on    date        not null,
    ends_on      date        not null,
    note         varchar(300),
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    check (ends_on >= starts_on),
    check (person_id <> delegate_id)
);
create index absence_person_idx on absence (person_id, ends_on);

-- one row per person who changed a default; no row means the defaults (all mails, no digest)
create table notification_preference (
    person_id       bigint primary key references person (id),
    on_assignment   boolean     not null default true,
    on_reminder     boolean     not null default true,
    on_escalation   boolean     not null default true,
    daily_digest    boolean     not null default false,
    last_digest_on  date,
    version         bigint      not null default 0
);
