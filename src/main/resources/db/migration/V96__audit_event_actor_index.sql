-- A manager's audit trail (session 45) reads only the events of their line's actors: without an index on
-- the actor PostgreSQL read every event of the log for each page and its count. The actor alone: the page's
-- order (at, id) cannot come from an index over a list of actors (each actor's entries are read, then
-- sorted), and (actor, at, id) was larger, slower for a list and costlier on the insert every audited
-- change makes. Figures: README, the audit trail (AuditActorIndexBenchmark).
create index audit_event_actor_idx on audit_event (actor);
