-- Three things a step's answer or a lead's history keeps, so that each is kept once and in the right name.

-- The note a rep writes for customer success at the sales handoff's list step is kept on the account's
-- timeline as the step completes (SalesHandoff.keepListNote): one note per task, so that an answer given
-- again (the engine refused the first for good) or twice keeps no second note, and a refusal of a withdrawn
-- step can tell whether a note was kept for it. interaction_id is set in the same transaction as the row.
create table sales_handoff_list_note (
    task_id        bigint primary key,
    interaction_id bigint references interaction (id)
);

-- The successor's question at the acknowledgement step waits here until the process takes the answer
-- (HandoverSteps.acknowledge makes it the item's question then): a step its process closed first asks
-- nobody, and leaves the item's open question and last answer as they were.
alter table handover_item add column asked_question text, add column asked_question_by varchar(100);

-- An interaction Baton logged itself (a lead's assignment by the round robin, carried onto the account its
-- lead became) has no person as its author: shown as by Baton, not as by whoever owned the lead.
alter table interaction alter column by_id drop not null;
