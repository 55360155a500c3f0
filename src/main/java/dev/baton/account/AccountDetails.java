package dev.baton.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An account's editable details (not its owner: that is a transfer); {@code version} as read, optional. */
public record AccountDetails(
    @NotBlank @Size(max = 255) String name,
    @Size(max = 60) String segment,
    @Size(max = 60) String territory,
    LocalDate renewalDate,
    Long version) {}
