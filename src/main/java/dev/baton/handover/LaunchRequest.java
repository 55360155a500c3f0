package dev.baton.handover;

import dev.baton.shared.SaneDate;
import java.time.LocalDate;
import java.util.Set;

/**
 * A manager's request to hand over a person's book.
 *
 * @param endDate only for a leave of absence: when the person returns
 * @param introOptOut accounts whose customer gets no introduction mail
 */
public record LaunchRequest(
        Long departingId,
        HandoverReason reason,
        @SaneDate LocalDate effectiveDate,
        @SaneDate LocalDate endDate,
        SuccessorPlan plan,
        Set<Long> introOptOut) {

    public LaunchRequest {
        introOptOut = introOptOut == null ? Set.of() : Set.copyOf(introOptOut);
    }
}
