-- Teams an import made before V77 have no external_source, so a teams file finding them again said "already in
-- Baton: updates the team ..., matched by key", as of a team made in Baton (session 37's probe). The import's own
-- record tells which they are: a team is created in its import's transaction, so its created_at (that transaction's
-- start) lies between the queueing (created_at) and the end (finished_at) of a real teams import that succeeded and
-- created teams; an import with a bad row was rolled back and created none (created_count 0). No team made in Baton
-- is taken for one: each made through the API has its team.created audit event, and the demo data seeds its teams
-- into an empty database, before anyone can sign in to import. A team inside the runs of two imports of different
-- sources is left as it is: nothing tells which of them made it.
update team t
set external_source = made.source
from (
    select c.id, min(j.source) as source
    from team c
    join import_job j
        on j.kind = 'TEAMS' and not j.dry_run and j.status = 'SUCCEEDED' and j.created_count > 0
        and c.created_at between j.created_at and j.finished_at
    where c.external_source is null
      and not exists (
        select 1 from audit_event a where a.action = 'team.created' and a.entity_type = 'team' and a.entity_id = c.id)
    group by c.id
    having count(distinct j.source) = 1
) made
where t.id = made.id;
