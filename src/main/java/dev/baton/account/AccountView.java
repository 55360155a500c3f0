package dev.baton.account;

import java.time.LocalDate;

public record AccountView(
        Long id,
        String name,
        Long ownerId,
        String ownerUsername,
        String ownerName,
        String segment,
        String territory,
        LocalDate renewalDate,
        long version,
        LocalDate churnedOn) {

    public static AccountView from(Account a) {
        return new AccountView(
                a.getId(),
                a.getName(),
                a.getOwner() == null ? null : a.getOwner().getId(),
                a.getOwner() == null ? null : a.getOwner().getUsername(),
                a.getOwner() == null ? null : a.getOwner().getFullName(),
                a.getSegment(),
                a.getTerritory(),
                a.getRenewalDate(),
                a.getVersion(),
                a.getChurnedOn());
    }
}
