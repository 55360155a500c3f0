-- A commitment change's message to its process is now an event kept by the event publication
-- registry until delivered (V9), which replaces the hand-made "message owed" column.
alter table commitment drop column change_signal_id;
