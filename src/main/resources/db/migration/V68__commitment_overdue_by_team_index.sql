-- Issue 15: the register's "overdue by team" (GET /api/commitments?team=&overdue=true) had no index in
-- its order: team/status/due gives due-date order per status only, so PostgreSQL walked the due-date
-- index and read each row from the table to check its team (4-8 ms at 1,000,000 commitments, and the
-- heavy query slowed every other call on the host). Here a team's commitments awaiting delivery are
-- in due-date order: the first page stops after 50 rows and its count is an index-only range scan.
-- The predicate is CommitmentStatus.AWAITING_DELIVERY, which "overdue" requires.
create index commitment_team_awaiting_due_idx on commitment (delivering_team_id, due_date, id)
    where status in ('PROPOSED', 'ACCEPTED');
