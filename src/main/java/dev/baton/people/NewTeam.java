package dev.baton.people;

import dev.baton.shared.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A team; its key is what BPMN candidate groups name, so it is fixed once created. */
public record NewTeam(
        @NotBlank
        @Size(max = 60)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "use lower-case letters, digits and '-'")
        String key,

        @NotBlank @Size(max = 200) @SingleLine String name) {}
