-- A running handover may be cancelled (issue 16): a cancelled one no longer blocks a new handover of
-- the same person. The departing person's notes are autosaved as drafts until each is submitted.

alter table handover drop constraint handover_status_check;
alter table handover add constraint handover_status_check
    check (status in ('STARTING', 'RUNNING', 'COMPLETED', 'CANCELLED'));
alter table handover add column cancelled_by varchar(60);
alter table handover add column cancel_reason text;

drop index handover_one_running_idx;
create unique index handover_one_running_idx on handover (departing_id) where status in ('STARTING', 'RUNNING');

alter table handover_item add column note_draft jsonb;
alter table handover_item add column note_draft_saved_at timestamptz;
