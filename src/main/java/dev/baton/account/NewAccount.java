package dev.baton.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record NewAccount(
    @NotBlank @Size(max = 255) String name,
    Long ownerId,
    @Size(max = 60) String segment,
    @Size(max = 60) String territory,
    LocalDate renewalDate) {}
