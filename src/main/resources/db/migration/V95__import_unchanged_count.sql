-- Rows of an import that met a record Baton has and changed none of its values (session 44's probe: a file
-- imported twice said every row updated its record). Imports before this counted such rows as updated.
alter table import_job add column unchanged_count integer not null default 0;
