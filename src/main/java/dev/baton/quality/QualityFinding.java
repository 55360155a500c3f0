package dev.baton.quality;

/**
 * One data-quality finding, listed under the account's owner ({@code ownerId} null: no owner).
 * {@code subjectType} is {@code contact}, {@code account} or {@code commitment}; for likely duplicates
 * {@code otherId} is the contact {@code subjectId} would be merged into.
 */
public record QualityFinding(
        QualityKind kind,
        long accountId,
        String accountName,
        Long ownerId,
        String ownerName,
        String subjectType,
        long subjectId,
        String subjectName,
        Long otherId,
        String otherName,
        String detail) {}
