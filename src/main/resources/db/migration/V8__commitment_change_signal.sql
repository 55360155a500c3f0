-- A change made outside a commitment's process must reach the process (a message). The change and
-- this id are committed together; the id is cleared once the engine took the message, so a message
-- lost to a broker failure right after the commit is sent again by the sweep, with the same id
-- (the engine drops a repeat it still holds).
alter table commitment add column change_signal_id text;
create index commitment_change_signal_idx on commitment (id) where change_signal_id is not null;
