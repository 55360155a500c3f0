-- The register's most common view, one owner's commitments by due date (GET /api/commitments?owner=),
-- had no index in its order: owner/status/due cannot give due-date order across statuses, so PostgreSQL
-- walked the whole due-date index filtering by owner (77 ms at 1,000,000 commitments). With this one
-- the first page is read in order and stops after 50 rows, and the page's count is an index-only scan.
create index commitment_owner_due_idx on commitment (owner_id, due_date, id);
