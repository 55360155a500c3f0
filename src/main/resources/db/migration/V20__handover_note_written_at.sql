-- Issue 13: the handover note stays on the account; say when it was written. Older notes keep a null
-- time (the account page shows them without one).
alter table handover_item add column note_written_at timestamp with time zone;
create index handover_item_account_note_idx on handover_item (account_id) where note is not null;
