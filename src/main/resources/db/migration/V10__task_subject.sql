-- A task's subject beyond its account is one generic reference (the model's baton:subjectType header
-- and subjectId variable) instead of a column per feature: the inbox no longer knows the features.
alter table task add column subject_type varchar(40);
alter table task add column subject_id bigint;
update task set subject_type = 'commitment', subject_id = commitment_id where commitment_id is not null;
update task set subject_type = 'handover', subject_id = handover_id where handover_id is not null and commitment_id is null;
alter table task drop column commitment_id;
alter table task drop column handover_id;
create index task_subject_idx on task (subject_type, subject_id) where subject_id is not null;
-- looked up on every user-task delivery (a step's siblings in its process instance)
create index task_process_instance_idx on task (process_instance_key);
