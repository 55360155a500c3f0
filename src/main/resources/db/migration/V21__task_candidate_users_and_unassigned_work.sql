-- Camunda Tasklist's semantics for job-worker user tasks: candidate users see and may claim a task;
-- a task whose assignee cannot hold it says why (and, with no candidates either, waits in the
-- admins' "unassigned work" queue); names come from the model; a business id Baton does not know
-- is kept as text instead of failing the foreign key; a form linked by id or embedded in the BPMN
-- is kept with the task, as deployed.
create table task_candidate_user (
    task_id   bigint      not null references task (id) on delete cascade,
    username  varchar(60) not null,
    primary key (task_id, username)
);
create index task_candidate_user_username_idx on task_candidate_user (username);

alter table task add column unassigned_reason varchar(1000);
alter table task add column account_ref varchar(200);
alter table task add column process_name varchar(300);
alter table task add column form_schema text;
create index task_open_unheld_idx on task (id) where status = 'OPEN' and assignee is null;
