-- Renewals worked in stages, and contacts kept true (issue 11).

-- An account whose customer decided not to renew: kept with its history, marked churned.
alter table account add column churned_on date;

-- A contact who left the company is retired, never deleted (their interactions and promises keep
-- pointing at them). The champion is the customer's internal advocate: one per account at most.
alter table contact add column retired_at timestamptz;
alter table contact add column champion boolean not null default false;
create unique index contact_one_champion_per_account on contact (account_id) where champion;

-- One renewal per account and renewal date: the unique pair makes the daily run idempotent across
-- runs, restarts and several Baton instances (the insert that loses does nothing).
create table renewal (
    id                 bigserial primary key,
    account_id         bigint       not null references account (id),
    renewal_date       date         not null,
    opened_at          timestamptz  not null,
    health_summary     text,
    risk               varchar(20),
    proposal           text,
    decision           varchar(20),
    decision_reason    text,
    next_renewal_date  date,
    decided_at         timestamptz,
    version            bigint       not null default 0,
    constraint renewal_once_per_account_and_date unique (account_id, renewal_date)
);

-- One stewardship review per owner and period; at most one open per owner (two instances running
-- the quarterly start cannot both open one).
create table stewardship_review (
    id          bigserial primary key,
    owner_id    bigint       not null references person (id),
    opened_at   timestamptz  not null,
    closed_at   timestamptz,
    version     bigint       not null default 0
);
create unique index stewardship_review_one_open_per_owner on stewardship_review (owner_id) where closed_at is null;

-- The contacts a review lists, with the owner's outcome for each (null until answered).
create table stewardship_contact (
    id            bigserial primary key,
    review_id     bigint       not null references stewardship_review (id),
    contact_id    bigint       not null references contact (id),
    outcome       varchar(20),
    was_primary   boolean      not null default false,
    was_champion  boolean      not null default false,
    decided_at    timestamptz,
    decided_by    varchar(100),
    constraint stewardship_contact_once unique (review_id, contact_id)
);
