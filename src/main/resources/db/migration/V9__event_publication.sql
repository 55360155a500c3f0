-- Spring Modulith's event publication registry (JPA): an event for another module is stored in the
-- transaction that publishes it, marked complete once its listener has run after commit, and
-- re-delivered when incomplete (after a crash, or a listener that failed). Column shapes follow
-- spring-modulith-events-jpa 1.4's entities (DefaultJpaEventPublication, ArchivedJpaEventPublication).
create table event_publication (
  id uuid primary key,
  listener_id text not null,
  event_type text not null,
  serialized_event text not null,
  publication_date timestamp with time zone not null,
  completion_date timestamp with time zone
);
create index event_publication_incomplete on event_publication (publication_date) where completion_date is null;
create index event_publication_by_event on event_publication using hash (serialized_event);

create table event_publication_archive (
  id uuid primary key,
  listener_id text not null,
  event_type text not null,
  serialized_event text not null,
  publication_date timestamp with time zone not null,
  completion_date timestamp with time zone
);
