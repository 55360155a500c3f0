package dev.baton.commitment;

import dev.baton.shared.EndedNowhere;
import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A promise made to a customer, recorded by the signed-in person; owner and delivering team optional. The
 * due date must be today or later where the owner is (the company's zone for none), which only {@link CommitmentService#create} can judge
 * ({@link CommitmentService#requireDueDateOpen}); here only a day ended everywhere is refused ({@link
 * EndedNowhere}), with the request's other bad fields.
 */
public record NewCommitment(
        @NotNull Long accountId,
        Long contactId,

        @NotBlank @Size(max = Commitment.DESCRIPTION_MAX) @PlainText
        String description,

        Long ownerId,
        Long deliveringTeamId,

        @NotNull @EndedNowhere @SaneDate LocalDate dueDate) {}
