-- A person's browser sessions signed in before this instant are over: set when their password is
-- changed (by them: all but the session that changed it stay; by an admin: all) and when they are
-- deactivated. A session keeps the value it read at sign-in and is signed out at its next request once
-- the person's differs (SessionsAsOfNow), so no two clocks are ever compared. Null: never set.
alter table person add column sessions_valid_from timestamptz;
