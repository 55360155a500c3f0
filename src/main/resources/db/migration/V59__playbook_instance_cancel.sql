-- A playbook run may be cancelled from its page or the API: who did it and why; ended_at says when.
alter table playbook_instance add column canceled_by varchar(100);
alter table playbook_instance add column cancel_reason text;
