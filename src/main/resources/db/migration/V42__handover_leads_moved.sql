-- The departing person's open leads move with the handover; the handover counts them for its progress.
alter table handover add column leads_moved integer not null default 0;
