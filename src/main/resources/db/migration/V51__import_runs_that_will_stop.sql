-- A people import that deactivates someone tells, as the API's deactivation does, which playbook runs
-- they launched stop at their next building block: per row, the person and their runs (few rows, few runs).
alter table import_job add column runs_that_will_stop jsonb not null default '[]';
