package dev.baton.handover;

import dev.baton.shared.SaneDate;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A manager's request to hand over a person's book.
 *
 * @param departingId whose book moves; required (the API's bean validation and {@link HandoverService#launch} name
 *     every missing required field in one refusal)
 * @param reason why; required
 * @param effectiveDate the departing person's last day with the book; required
 * @param endDate only for a leave of absence: when the person returns
 * @param plan who takes which account; null leaves every account to the manager's "choose successor" task
 * @param introOptOut accounts whose customer gets no introduction mail, each one of the departing person's
 *     and given once (else a 400 at its index, {@code introOptOut[1]}); a null among them is a 400 at its index
 *     too, each one named: beside the body's other errors when validated ({@code @NotNull}), and by {@link
 *     SuccessorPlanner#requireInBook} for a plan. A list that keeps the nulls, so that the index is the one the
 *     client sent
 */
public record LaunchRequest(
        @NotNull(message = DEPARTING_REQUIRED) Long departingId,
        @NotNull(message = REASON_REQUIRED) HandoverReason reason,

        @NotNull(message = EFFECTIVE_DATE_REQUIRED) @SaneDate
        LocalDate effectiveDate,

        @SaneDate LocalDate endDate,

        @Schema(
                description = "Who takes which account. Optional: without it (null or absent) every account"
                        + " is left open and the manager gets a \"Choose successor\" task for each, as for"
                        + " the accounts a plan leaves open")
        SuccessorPlan plan,

        List<@NotNull Long> introOptOut) {

    static final String DEPARTING_REQUIRED = "who is handing over is required";

    /** Names every {@link HandoverReason} (a test holds it to them): an annotation's message must be a constant. */
    static final String REASON_REQUIRED =
            "is required; one of LEAVING, ROLE_CHANGE, LEAVE_OF_ABSENCE, TERRITORY_CHANGE";

    static final String EFFECTIVE_DATE_REQUIRED = "is required";

    public LaunchRequest {
        // not List.copyOf, which refuses a null: requireInBook names each null at its index
        introOptOut = introOptOut == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(introOptOut));
    }
}
