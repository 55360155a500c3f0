package dev.baton.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.shared.SaneDate;
import dev.baton.shared.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An account's editable details (not its owner: that is a transfer), all of them: a field left out
 * is a 400 (send null to clear it), so a client that knows fewer fields cannot clear the others;
 * {@code version} as read, required.
 */
public record AccountDetails(
        @NotBlank @Size(max = 255) @SingleLine String name,

        @JsonProperty(required = true) @Size(max = 60) @SingleLine
        String segment,

        @JsonProperty(required = true) @Size(max = 60) @SingleLine
        String territory,

        @JsonProperty(required = true) @SaneDate LocalDate renewalDate,
        @NotNull Long version) {}
