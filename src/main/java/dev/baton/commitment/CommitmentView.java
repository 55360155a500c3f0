package dev.baton.commitment;

import dev.baton.people.TimeZones;
import java.time.LocalDate;

/**
 * A commitment as the API and pages show it; {@code overdue}: its due day has ended where its owner is (in the
 * company's zone while nobody owns it: {@link CommitmentService#dueZone}).
 * Who made it and who owns it by user name (the API's identifiers) and by full name (the name pages show).
 */
public record CommitmentView(
        Long id,
        Long accountId,
        String accountName,
        Long contactId,
        String description,
        String madeByUsername,
        String madeByName,
        Long ownerId,
        String ownerUsername,
        String ownerName,
        Long deliveringTeamId,
        String deliveringTeamKey,
        LocalDate dueDate,
        CommitmentStatus status,
        String statusReason,
        String deliveryEvidence,
        boolean overdue,
        long version) {

    static CommitmentView from(Commitment c, TimeZones zones) {
        return new CommitmentView(
                c.getId(),
                c.getAccount().getId(),
                c.getAccount().getName(),
                c.getContact() == null ? null : c.getContact().getId(),
                c.getDescription(),
                c.getMadeBy().getUsername(),
                c.getMadeBy().getFullName(),
                c.getOwner() == null ? null : c.getOwner().getId(),
                c.getOwner() == null ? null : c.getOwner().getUsername(),
                c.getOwner() == null ? null : c.getOwner().getFullName(),
                c.getDeliveringTeam() == null ? null : c.getDeliveringTeam().getId(),
                c.getDeliveringTeam() == null ? null : c.getDeliveringTeam().getKey(),
                c.getDueDate(),
                c.getStatus(),
                c.getStatusReason(),
                c.getDeliveryEvidence(),
                c.isOverdue(zones.today(c.getOwner())),
                c.getVersion());
    }
}
