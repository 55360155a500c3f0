package dev.baton.account;

import java.time.Instant;

/**
 * A logged interaction as the API shows it; {@code byId} and {@code byUsername} are null for one Baton
 * logged itself (a lead's assignment by territory or in turn, carried onto the account it became).
 */
public record InteractionView(
        Long id,
        Long accountId,
        Long contactId,
        String contactName,
        InteractionKind kind,
        String summary,
        Long byId,
        String byUsername,
        Instant occurredAt) {

    static InteractionView from(Interaction i) {
        return new InteractionView(
                i.getId(),
                i.getAccount().getId(),
                i.getContact() == null ? null : i.getContact().getId(),
                i.getContact() == null ? null : i.getContact().getFullName(),
                i.getKind(),
                i.getSummary(),
                i.getBy() == null ? null : i.getBy().getId(),
                i.getBy() == null ? null : i.getBy().getUsername(),
                i.getOccurredAt());
    }
}
