-- Commitments (#4): the process instance that follows each commitment, and the register's indexes.

-- Set by the process's first step; null means no instance yet (a crash between commit and start, or
-- commitments recorded before the process existed): a periodic sweep starts one for open commitments.
alter table commitment add column process_instance_key bigint;

-- the sweep and the owner invariant look only at open commitments, a small share of the table
create index commitment_open_without_process_idx on commitment (id)
    where process_instance_key is null and status in ('PROPOSED', 'ACCEPTED', 'DELIVERED');
create index commitment_open_unowned_idx on commitment (due_date, id)
    where owner_id is null and status in ('PROPOSED', 'ACCEPTED', 'DELIVERED');
-- register: one account's commitments by due date, and open ones by due date (overdue, counts, due window)
create index commitment_account_due_idx on commitment (account_id, due_date, id);
create index commitment_status_due_idx on commitment (status, due_date, id);
drop index commitment_account_idx;
