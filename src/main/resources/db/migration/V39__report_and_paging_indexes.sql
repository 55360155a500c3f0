-- Issue 12: the trust report at a million commitments.
-- The trust report's commitment figures read every commitment due in the period: with owner, status
-- and id in the index it is read alone (an index-only scan), not row by row from the table.
drop index commitment_due_owner_idx;
create index commitment_due_covering_idx on commitment (due_date) include (owner_id, status, id);
-- Contact freshness looks up the audited verifications of each month by action and time, rather
-- than going through every event of the audit log.
create index audit_event_action_at_idx on audit_event (action, at);
