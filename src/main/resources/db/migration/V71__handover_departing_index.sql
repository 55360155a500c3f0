-- Where a person stands (Handovers.departureOf / departuresOf) reads all of their handovers, whatever their
-- status: a transfer's re-check asks it once per account, and the candidate lists for many people at once.
-- The only index on departing_id was the partial one for handovers under way.
create index handover_departing_idx on handover (departing_id);
