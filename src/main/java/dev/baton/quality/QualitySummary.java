package dev.baton.quality;

import java.util.List;
import java.util.Map;

/**
 * How many findings of each kind, in all and per account owner (an owner of null: accounts without
 * one; open commitments without an active owner are counted there too).
 */
public record QualitySummary(long staleAfterDays, Map<QualityKind, Long> totals, List<OwnerCounts> owners) {

    public record OwnerCounts(Long ownerId, String ownerName, Map<QualityKind, Long> counts) {}
}
