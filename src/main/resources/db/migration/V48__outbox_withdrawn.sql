-- A queued mail whose subject was withdrawn before it went out (a cancelled commitment, a task its
-- process withdrew) is kept as WITHDRAWN rather than sent: nobody meant it any more.
alter table outbox_message drop constraint outbox_message_status_check;
alter table outbox_message add constraint outbox_message_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'WITHDRAWN'));
