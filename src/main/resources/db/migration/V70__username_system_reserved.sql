-- 'system' is the name Baton records its own actions under (AuditLog.SYSTEM): a person with it would act
-- as Baton in the audit trail. The API and the people import refuse it with a message; this keeps any
-- other path from writing it. NOT VALID: new and changed rows are checked, existing ones are left as they
-- are (a database that has such a person already keeps them; rename them by hand).
alter table person add constraint person_username_not_system check (username <> 'system') not valid;
