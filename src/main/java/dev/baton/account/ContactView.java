package dev.baton.account;

import java.time.Instant;

/** A contact as shown, with {@code stale} worked out at the time of reading; {@code retiredAt} set once they left the company. */
public record ContactView(
        Long id,
        Long accountId,
        String fullName,
        String title,
        String email,
        String phone,
        String preferences,
        boolean primary,
        Instant lastVerifiedAt,
        boolean stale,
        long version,
        boolean champion,
        Instant retiredAt) {

    static ContactView from(Contact c, Instant now) {
        return new ContactView(
                c.getId(),
                c.getAccount().getId(),
                c.getFullName(),
                c.getTitle(),
                c.getEmail(),
                c.getPhone(),
                c.getPreferences(),
                c.isPrimary(),
                c.getLastVerifiedAt(),
                c.isStale(now, ContactService.STALE_AFTER),
                c.getVersion(),
                c.isChampion(),
                c.getRetiredAt());
    }
}
