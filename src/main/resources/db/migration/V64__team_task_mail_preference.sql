-- "New tasks offered to my teams": a mail kind a person can switch off; on unless they do
alter table notification_preference add column on_team_task boolean not null default true;
