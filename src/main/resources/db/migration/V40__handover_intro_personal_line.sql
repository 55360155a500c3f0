-- The successor's optional personal line for the customer's introduction mail, given when
-- acknowledging the account (issue 16, point 8); null: the mail has none.
alter table handover_item add column intro_personal_line varchar(500);
