package dev.baton.account;

import dev.baton.shared.SaneDate;
import dev.baton.shared.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record NewAccount(
        @NotBlank @Size(max = 255) @SingleLine String name,
        Long ownerId,
        @Size(max = 60) @SingleLine String segment,
        @Size(max = 60) @SingleLine String territory,
        @SaneDate LocalDate renewalDate) {}
