-- an admin may send a mail that failed for good again: who did and when (the audit log has the rest)
alter table outbox_message add column retried_at timestamptz;
alter table outbox_message add column retried_by varchar(100);
create index outbox_message_failed_idx on outbox_message (id) where status = 'FAILED';

-- the customer's introduction mail failed for good: the item shows it and it counts as not sent
-- (intro_sent_at is cleared then, and set again once a retry goes out)
alter table handover_item add column intro_failed_at timestamptz;
alter table handover_item add column intro_failure text;
