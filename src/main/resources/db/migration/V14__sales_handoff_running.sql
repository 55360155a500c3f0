-- One running sales-to-CS handoff per account: a second start (at once, or while the first still
-- runs) finds the row and is refused with 409 instead of giving the rep a second set of tasks.
-- The handoff's last step (the CS owner takes the account) ends it.
create table sales_handoff (
    id                   bigserial primary key,
    account_id           bigint      not null references account (id),
    process_instance_key bigint,
    started_at           timestamptz not null default now(),
    ended_at             timestamptz
);

create unique index sales_handoff_one_running on sales_handoff (account_id) where ended_at is null;
