package dev.baton.account;

import java.time.Instant;

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
                i.getBy().getId(),
                i.getBy().getUsername(),
                i.getOccurredAt());
    }
}
