-- Outbox.withdraw finds the queued mails of a task or commitment by the start of their dedup key
-- ("task-assigned:42:"). No index served a prefix, so every withdrawal read the whole outbox, which
-- only grows: 288 pages per call at 4,400 mails, and 10,000 accounts handed over write 40,000. Byte
-- order ("C") makes every key with one prefix one range of this index; only queued mails are in it.
create index outbox_message_pending_key_idx on outbox_message ((dedup_key collate "C")) where status = 'PENDING';
