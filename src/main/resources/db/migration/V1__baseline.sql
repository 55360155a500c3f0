-- Baton baseline: people and teams, accounts and their story, commitments, tasks, mail outbox, audit.
-- Rules live in the database too: foreign keys, not-null, unique keys and check constraints.

create table team (
    id          bigserial primary key,
    key         varchar(60)  not null unique check (key ~ '^[a-z0-9][a-z0-9-]*$'),
    name        varchar(200) not null,
    version     bigint       not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create table person (
    id             bigserial primary key,
    username       varchar(60)  not null unique check (username ~ '^[a-z0-9._-]+$'),
    email          varchar(254) not null,
    full_name      varchar(200) not null,
    password_hash  varchar(200) not null,
    team_id        bigint references team (id),
    manager_id     bigint references person (id),
    active         boolean      not null default true,
    version        bigint       not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    check (manager_id is null or manager_id <> id)
);
create unique index person_email_unique on person (lower(email));
create index person_team_idx on person (team_id);
create index person_manager_idx on person (manager_id);

create table person_role (
    person_id  bigint      not null references person (id) on delete cascade,
    role       varchar(20) not null check (role in ('ADMIN', 'MANAGER', 'REP', 'CS')),
    primary key (person_id, role)
);

create table account (
    id            bigserial primary key,
    name          varchar(200) not null,
    owner_id      bigint references person (id),
    segment       varchar(60),
    territory     varchar(60),
    renewal_date  date,
    version       bigint      not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index account_owner_idx on account (owner_id);
create index account_name_idx on account (lower(name));

create table account_team_member (
    account_id  bigint not null references account (id) on delete cascade,
    person_id   bigint not null references person (id),
    primary key (account_id, person_id)
);
create index account_team_member_person_idx on account_team_member (person_id);

create table contact (
    id                bigserial primary key,
    account_id        bigint       not null references account (id),
    full_name         varchar(200) not null,
    title             varchar(200),
    email             varchar(254),
    phone             varchar(60),
    preferences       text,
    primary_contact   boolean      not null default false,
    last_verified_at  timestamptz,
    version           bigint       not null default 0,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now()
);
create index contact_account_idx on contact (account_id);
create unique index contact_one_primary_per_account on contact (account_id) where primary_contact;

create table interaction (
    id           bigserial primary key,
    account_id   bigint      not null references account (id),
    contact_id   bigint references contact (id),
    kind         varchar(20) not null check (kind in ('CALL', 'MEETING', 'EMAIL', 'NOTE')),
    summary      text        not null check (length(trim(summary)) > 0),
    by_id        bigint      not null references person (id),
    occurred_at  timestamptz not null,
    created_at   timestamptz not null default now()
);
create index interaction_account_idx on interaction (account_id, occurred_at);

create table commitment (
    id                   bigserial primary key,
    account_id           bigint      not null references account (id),
    contact_id           bigint references contact (id),
    description          text        not null check (length(trim(description)) > 0),
    made_by_id           bigint      not null references person (id),
    owner_id             bigint references person (id),
    delivering_team_id   bigint references team (id),
    due_date             date        not null,
    status               varchar(20) not null check (status in
                           ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'VERIFIED', 'REJECTED', 'BREACHED', 'CANCELLED')),
    status_reason        text,
    delivery_evidence    text,
    version              bigint      not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index commitment_account_idx on commitment (account_id);
create index commitment_owner_status_due_idx on commitment (owner_id, status, due_date);
create index commitment_team_status_due_idx on commitment (delivering_team_id, status, due_date);

-- Append-only: see the trigger below.
create table audit_event (
    id           bigserial primary key,
    at           timestamptz  not null default now(),
    actor        varchar(60)  not null,
    action       varchar(60)  not null,
    entity_type  varchar(40)  not null,
    entity_id    bigint       not null,
    account_id   bigint references account (id),
    before_state jsonb,
    after_state  jsonb
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id, at);
create index audit_event_account_idx on audit_event (account_id, at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

-- One row per user-task job (job-worker based user tasks), keyed by the job key.
create table task (
    id                     bigserial primary key,
    job_key                bigint       not null unique,
    process_instance_key   bigint       not null,
    element_instance_key   bigint       not null,
    bpmn_process_id        varchar(200) not null,
    process_version        integer      not null,
    element_id             varchar(200) not null,
    name                   varchar(300) not null,
    assignee               varchar(60),
    form_key               varchar(200),
    due_at                 timestamptz,
    follow_up_at           timestamptz,
    account_id             bigint references account (id),
    commitment_id          bigint references commitment (id),
    handover_id            bigint,
    status                 varchar(20)  not null check (status in ('OPEN', 'COMPLETING', 'COMPLETED', 'CANCELED')),
    outcome                jsonb,
    completed_by           varchar(60),
    completed_at           timestamptz,
    lock_expires_at        timestamptz  not null,
    version                bigint       not null default 0,
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now()
);
create index task_assignee_status_idx on task (assignee, status);
create index task_status_lock_idx on task (status, lock_expires_at);
create index task_account_idx on task (account_id);

create table task_candidate_group (
    task_id   bigint      not null references task (id) on delete cascade,
    team_key  varchar(60) not null,
    primary key (task_id, team_key)
);
create index task_candidate_group_team_idx on task_candidate_group (team_key);

-- Mail is written here in the same transaction as the change that causes it, and sent later.
create table outbox_message (
    id               bigserial primary key,
    dedup_key        varchar(200) not null unique,
    to_address       varchar(254) not null,
    cc_address       varchar(254),
    subject          varchar(300) not null,
    text_body        text         not null,
    html_body        text,
    status           varchar(20)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz  not null default now()
);
create index outbox_message_pending_idx on outbox_message (next_attempt_at) where status = 'PENDING';
