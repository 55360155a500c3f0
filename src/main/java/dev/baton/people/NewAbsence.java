package dev.baton.people;

import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import dev.baton.shared.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Time away: first and last day (both included) and the user name of who covers. */
public record NewAbsence(
        @NotNull @SaneDate LocalDate startsOn,
        @NotNull @SaneDate LocalDate endsOn,
        @NotBlank @Size(max = 60) @SingleLine String delegate,
        @Size(max = 300) @PlainText String note) {}
