-- Which leads a handover moved, and to whom: a leave of absence whose ownership returns gives each
-- lead back to the person on leave, if it is still open with the person it went to.
create table handover_lead (
    handover_id  bigint not null references handover (id),
    lead_id      bigint not null references lead (id),
    successor_id bigint not null references person (id),
    primary key (handover_id, lead_id)
);
