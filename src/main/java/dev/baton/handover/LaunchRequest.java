package dev.baton.handover;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.baton.shared.SaneDate;
import java.time.LocalDate;
import java.util.List;

/**
 * A manager's request to hand over a person's book.
 *
 * @param endDate only for a leave of absence: when the person returns
 * @param introOptOut accounts whose customer gets no introduction mail, each one of the departing person's
 *     and given once (else a 400 at its index, {@code introOptOut[1]}); a null among them in a JSON body is a 400 at
 *     its index too, not one naming no field. A list, so that the index is the one the client sent
 */
public record LaunchRequest(
        Long departingId,
        HandoverReason reason,
        @SaneDate LocalDate effectiveDate,
        @SaneDate LocalDate endDate,
        SuccessorPlan plan,
        @JsonSetter(contentNulls = Nulls.FAIL) List<Long> introOptOut) {

    public LaunchRequest {
        introOptOut = introOptOut == null ? List.of() : List.copyOf(introOptOut);
    }
}
