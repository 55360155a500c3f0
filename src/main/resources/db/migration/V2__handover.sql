-- Handovers: one rep's book moving to successors. Process state lives in Zeebe; these rows hold
-- what the handover decided and produced (successors, notes, acknowledgements), keyed by id only.

create table handover (
    id                    bigserial primary key,
    departing_id          bigint      not null references person (id),
    launched_by           varchar(60) not null,
    reason                varchar(30) not null check (reason in ('LEAVING', 'ROLE_CHANGE', 'LEAVE_OF_ABSENCE', 'TERRITORY_CHANGE')),
    effective_date        date        not null,
    end_date              date,
    status                varchar(20) not null check (status in ('STARTING', 'RUNNING', 'COMPLETED')),
    process_instance_key  bigint,
    leave_outcome         varchar(20) check (leave_outcome in ('RETURNED', 'KEPT')),
    version               bigint      not null default 0,
    created_at            timestamptz not null default now(),
    completed_at          timestamptz
);
-- at most one unfinished handover per departing person (the launch check races; this does not)
create unique index handover_one_running_idx on handover (departing_id) where status <> 'COMPLETED';

create table handover_item (
    id                bigserial primary key,
    handover_id       bigint      not null references handover (id),
    account_id        bigint      not null references account (id),
    successor_id      bigint references person (id),
    step              varchar(30) not null,
    intro_opt_out     boolean     not null default false,
    note              jsonb,
    note_by           varchar(60),
    question          text,
    answer            text,
    transferred_at    timestamptz,
    acknowledged_at   timestamptz,
    intro_sent_at     timestamptz,
    call_held_at      timestamptz,
    completed_at      timestamptz,
    version           bigint      not null default 0,
    created_at        timestamptz not null default now(),
    unique (handover_id, account_id)
);
create index handover_item_handover_idx on handover_item (handover_id);
