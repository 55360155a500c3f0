-- Issue 13: a REJECTED commitment is open (awaiting renegotiation), so the sweep and the unowned filter
-- must find it too; the partial indexes follow the one definition of "open".
drop index commitment_open_without_process_idx;
drop index commitment_open_unowned_idx;
create index commitment_open_without_process_idx on commitment (id)
    where process_instance_key is null and status in ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'REJECTED');
create index commitment_open_unowned_idx on commitment (due_date, id)
    where owner_id is null and status in ('PROPOSED', 'ACCEPTED', 'DELIVERED', 'REJECTED');
