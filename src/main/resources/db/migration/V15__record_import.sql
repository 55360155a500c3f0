-- The record (#12): imports from a CRM, data quality and the trust report.

-- Salesforce allows account names of 255 characters.
alter table account alter column name type varchar(255);

-- External id: a record's id in the CRM it was imported from (source + id), so importing the same
-- file again updates the record instead of adding another, and integrations can name accounts their way.
alter table person add column external_source varchar(20), add column external_id varchar(100);
alter table account add column external_source varchar(20), add column external_id varchar(100);
alter table contact add column external_source varchar(20), add column external_id varchar(100);
alter table interaction add column external_source varchar(20), add column external_id varchar(100);
alter table commitment add column external_source varchar(20), add column external_id varchar(100);
create unique index person_external_id_unique on person (external_source, external_id) where external_id is not null;
create unique index account_external_id_unique on account (external_source, external_id) where external_id is not null;
create unique index contact_external_id_unique on contact (external_source, external_id) where external_id is not null;
create unique index interaction_external_id_unique on interaction (external_source, external_id) where external_id is not null;
create unique index commitment_external_id_unique on commitment (external_source, external_id) where external_id is not null;

-- One import of one file: its progress (rows done of the total) and what was wrong with it. Errors are
-- kept up to a cap (error_count has them all), so a file with a million bad rows stays one small row.
create table import_job (
    id             bigserial primary key,
    kind           varchar(20)  not null,
    source         varchar(20)  not null,
    file_name      varchar(255) not null,
    dry_run        boolean      not null,
    status         varchar(20)  not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_total     integer,
    rows_done      integer      not null default 0,
    created_count  integer      not null default 0,
    updated_count  integer      not null default 0,
    error_count    bigint       not null default 0,
    errors         jsonb        not null default '[]',
    notices        jsonb        not null default '[]',
    problem        text,
    created_by     varchar(60)  not null,
    created_at     timestamptz  not null default now(),
    finished_at    timestamptz,
    version        bigint       not null default 0
);
create index import_job_created_idx on import_job (created_at desc, id desc);

-- data quality: duplicates by e-mail; the trust report: commitments due in a period
create index contact_email_idx on contact (lower(email)) where email is not null;
create index commitment_due_owner_idx on commitment (due_date, owner_id);
