-- What a person writes when deciding a commitment step (a reason, delivery evidence, new terms) is kept
-- here as the step completes; the process carries only this row's id to the step that applies the
-- decision, so the text never travels through process variables (nor into Operate's search index).
create table commitment_answer (
    id bigserial primary key,
    commitment_id bigint not null references commitment (id),
    reason text,
    evidence text,
    new_description text,
    written_by varchar(60) not null,
    written_at timestamptz not null
);
create index commitment_answer_commitment on commitment_answer (commitment_id);
