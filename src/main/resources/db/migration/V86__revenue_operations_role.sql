-- Revenue operations get a role of their own (REVOPS): playbooks, imports of records and the reports,
-- without the admin's management of people, teams and passwords.
alter table person_role drop constraint person_role_role_check;
alter table person_role add constraint person_role_role_check
    check (role in ('ADMIN', 'MANAGER', 'REP', 'CS', 'REVOPS'));
