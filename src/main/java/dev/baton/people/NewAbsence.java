package dev.baton.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Time away: first and last day (both included) and the user name of who covers. */
public record NewAbsence(
    @NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @NotBlank String delegate, @Size(max = 300) String note) {}
