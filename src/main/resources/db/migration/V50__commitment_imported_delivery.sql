-- When a commitment imported as delivered or verified was delivered, as its source recorded it (the
-- import's optional delivered_at column). Baton's own deliveries are dated by their audited
-- 'commitment.delivered'; without either, the trust report counts the commitment as settled without a
-- delivery date, neither on time nor late.
alter table commitment add column imported_delivered_at timestamptz;
