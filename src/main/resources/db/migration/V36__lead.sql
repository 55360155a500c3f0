-- Leads (issue 11): a person at a company that marketing found, worked by a sales rep until a
-- meeting is booked (the lead becomes an account + contact), it is disqualified, or recycled.
create table lead (
    id                   bigserial primary key,
    company              varchar(255) not null,
    person_name          varchar(200) not null,
    email                varchar(254),
    phone                varchar(60),
    source               varchar(60)  not null,
    campaign             varchar(120),
    score                integer,
    territory            varchar(60),
    -- an ISO-8601 duration overriding the source's first-touch SLA (baton.leads.first-touch), or null
    first_touch_sla      varchar(40),
    status               varchar(20)  not null,
    outcome_reason       text,
    owner_id             bigint references person (id),
    -- when the current owner got it: round-robin goes to whoever waited longest since their last lead
    assigned_at          timestamptz,
    -- how many times the follow-up process assigned it: makes a repeated assign job harmless
    assignment_count     integer      not null default 0,
    first_touch_due_at   timestamptz,
    first_touched_at     timestamptz,
    closed_at            timestamptz,
    account_id           bigint references account (id),
    contact_id           bigint references contact (id),
    process_instance_key bigint,
    external_source      varchar(20),
    external_id          varchar(100),
    version              bigint       not null default 0,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    constraint lead_reachable check (email is not null or phone is not null)
);
-- one lead per e-mail address (any case): a second is a duplicate, even when two arrive at once
create unique index lead_email_unique on lead (lower(email));
create unique index lead_external_id on lead (external_source, external_id);
create index lead_campaign_idx on lead (campaign, id);
create index lead_owner_idx on lead (owner_id);
-- the look-up of a contact by e-mail when a lead arrives
create index contact_email_lower_idx on contact (lower(email));

-- what happened to a lead (assigned, reminded, escalated, reassigned, touched, outcome): its history,
-- copied onto the account's timeline when the lead becomes one
create table lead_activity (
    id          bigserial primary key,
    lead_id     bigint      not null references lead (id),
    kind        varchar(30) not null,
    summary     text        not null,
    by_id       bigint references person (id),
    occurred_at timestamptz not null
);
create index lead_activity_lead_idx on lead_activity (lead_id, occurred_at, id);
