-- own_escalation: the step's BPMN tells the manager itself once the step is late (header baton:ownEscalation),
-- so Baton's reminder run reminds the assignee but sends no escalation of its own
alter table task add column own_escalation boolean not null default false;
