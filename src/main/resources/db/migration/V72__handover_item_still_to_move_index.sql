-- An account's owner may not change outside its handover while a running handover is still to move it
-- (PendingHandovers): every owner change asks for the account's items not transferred yet.
create index handover_item_still_to_move_idx on handover_item (account_id) where transferred_at is null;
