-- Failed sign-ins, so repeated guessing is throttled per user name and per client address across
-- every app instance. Rows older than the throttle's window are deleted as new ones arrive.
create table sign_in_failure (
    id        bigserial    primary key,
    username  varchar(100) not null,
    address   varchar(64)  not null,
    failed_at timestamptz  not null
);
create index sign_in_failure_username_idx on sign_in_failure (username, failed_at);
create index sign_in_failure_address_idx on sign_in_failure (address, failed_at);
