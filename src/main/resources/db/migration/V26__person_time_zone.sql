-- A person's time zone (an IANA region id such as Europe/Berlin); null means the company's default
-- (baton.company-time-zone). Due dates, ends of days and absences are judged in the zone of the person concerned.
alter table person add column time_zone varchar(64);
