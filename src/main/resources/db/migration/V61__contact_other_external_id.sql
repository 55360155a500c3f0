-- Another CRM id of a contact: the id of a contacts row that an import skipped or merged into this
-- contact because its e-mail address was the contact's at the same account (Salesforce allows
-- duplicate contacts; HubSpot merges them and keeps the merged ids). Later files that name the row's
-- id (interactions, commitments, the contacts file again) find the contact through it. One id of a
-- source names one contact; a contact's own id lives on the contact (external_source, external_id).
create table contact_other_id (
    external_source varchar(20)  not null,
    external_id     varchar(100) not null,
    contact_id      bigint       not null references contact (id),
    created_at      timestamptz  not null default now(),
    primary key (external_source, external_id)
);
create index contact_other_id_contact_idx on contact_other_id (contact_id);
