package dev.baton.account;

import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A call, meeting, email or note to log, at {@code occurredAt} (now unless given). Its author is
 * always the signed-in person: there is no field to log in someone else's name.
 */
@Schema(
        description =
                "An interaction to log. The author is always the signed-in person; a byId in the body never sets the author.")
public record NewInteraction(
        @NotNull InteractionKind kind,
        @NotBlank @Size(max = 4000) @PlainText String summary,
        Long contactId,
        @PastOrPresent @SaneDate Instant occurredAt) {}
