package dev.baton.commitment;

import java.time.Instant;
import java.util.Map;

/** One change in a commitment's life, from the audit log. */
public record CommitmentHistoryEntry(
        Long commitmentId,
        Instant at,
        String actor,
        String action,
        Map<String, Object> before,
        Map<String, Object> after) {}
