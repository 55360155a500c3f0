package dev.baton.account;

import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A call, meeting, email or note to log; by the signed-in person and now unless given. */
public record NewInteraction(
    @NotNull InteractionKind kind,
    @NotBlank @Size(max = 4000) @PlainText String summary,
    Long contactId,
    Long byId,
    @PastOrPresent @SaneDate Instant occurredAt) {}
