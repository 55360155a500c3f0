package dev.baton.commitment;

import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A promise made to a customer, recorded by the signed-in person; owner and delivering team optional. */
public record NewCommitment(
        @NotNull Long accountId,
        Long contactId,

        @NotBlank @Size(max = Commitment.DESCRIPTION_MAX) @PlainText
        String description,

        Long ownerId,
        Long deliveringTeamId,

        @NotNull @FutureOrPresent(message = "must be today or later") @SaneDate
        LocalDate dueDate) {}
