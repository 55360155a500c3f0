package dev.baton.lead;

import dev.baton.shared.DeliverableEmail;
import dev.baton.shared.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A lead to create. At least one of {@code email} and {@code phone} is required (else 400 naming
 * {@code email}); {@code firstTouchSla}, an ISO-8601 duration of working time such as {@code PT4H},
 * overrides the source's SLA.
 */
@Schema(
        description =
                "A lead. Give an e-mail or a phone (or both); a second lead or contact with the same e-mail is refused (409).")
public record NewLead(
        @NotBlank @Size(max = 255) @SingleLine String company,
        @NotBlank @Size(max = 200) @SingleLine String personName,

        @Email @Size(max = 254) @SingleLine @DeliverableEmail
        String email,

        @Size(max = 60) @SingleLine String phone,
        @NotBlank @Size(max = 60) @SingleLine String source,
        @Size(max = 120) @SingleLine String campaign,

        @Min(value = 0, message = NewLead.SCORE_RULE) @Max(value = 100, message = NewLead.SCORE_RULE)
        Integer score,

        @Size(max = 60) @SingleLine String territory,
        @Size(max = 40) @SingleLine String firstTouchSla) {

    /**
     * A score's rule in the words every way in says it (API, page; the import, which rounds a fraction,
     * says "a number"): found by a probe, 101 was "must be less than or equal to 100" in the API and "must be
     * a whole number from 0 to 100" on the page.
     */
    public static final String SCORE_RULE = "must be a whole number from 0 to 100";
}
