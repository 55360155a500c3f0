package dev.baton.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** New details for an existing person; {@code version} is the one the client read (optional). */
public record PersonChanges(
    @NotBlank @Size(max = 200) String fullName,
    @NotBlank @Email @Size(max = 254)
    @Pattern(regexp = "\\p{ASCII}*", message = "must be plain ASCII: Baton cannot yet deliver to an address with"
        + " accents or other non-ASCII letters (write the domain in its xn-- form)") String email,
    @NotEmpty Set<Role> roles,
    Long teamId,
    Long managerId,
    Long version) {}
