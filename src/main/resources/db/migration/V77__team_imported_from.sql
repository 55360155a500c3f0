-- The source of the import file that made a team (BATON, SALESFORCE, HUBSPOT); null for a team made in Baton,
-- through the API or as demo data, or imported before this migration. An import's notice for a team it finds
-- said "already imported" of every team, seeded ones too (session 36's probe): it now says which it is.
alter table team add column external_source varchar(20);
