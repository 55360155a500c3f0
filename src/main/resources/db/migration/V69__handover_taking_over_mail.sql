-- Which accounts each "You are taking over ..." mail names, and to whom: an amendment that takes an
-- account away before its mail went out withdraws that mail and queues one naming only the accounts
-- still the person's, so nobody is told they take over an account that is no longer theirs. The mail
-- itself is the outbox's row with this dedup key; a withdrawn mail's rows are deleted.
create table handover_taking_over_mail (
    dedup_key    text   not null,
    item_id      bigint not null references handover_item (id),
    successor_id bigint not null references person (id),
    primary key (item_id, successor_id, dedup_key)
);

create index handover_taking_over_mail_key_idx on handover_taking_over_mail (dedup_key);
