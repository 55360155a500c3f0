-- A withdrawn mail was never sent, so it must not stand in the way of a later mail for the same
-- event: a commitment rescheduled from one date to another and back is due on the first date again,
-- and its "due soon" mail for that date is owed again. The dedup key stays unique among the mails
-- queued, sent or failed; a withdrawn row keeps its key (for the record) outside that rule.
alter table outbox_message drop constraint outbox_message_dedup_key_key;
create unique index outbox_message_dedup_key_live_idx on outbox_message (dedup_key) where status <> 'WITHDRAWN';
-- the lookups by key (statusOf, the tests) read withdrawn rows too
create index outbox_message_dedup_key_idx on outbox_message (dedup_key);
