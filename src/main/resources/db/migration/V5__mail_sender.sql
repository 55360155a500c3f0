-- A mail written for a person (the customer introduction) carries that person's name on Baton's
-- address and their own address for replies; null for Baton's own notices.
alter table outbox_message add column from_name text;
alter table outbox_message add column reply_to text;
