package dev.baton.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.baton.shared.DeliverableEmail;
import dev.baton.shared.SingleLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * New details for an existing person, all of them: leaving out {@code teamId} or {@code managerId}
 * is a 400 (send null for none), so a client cannot remove them by not knowing them;
 * {@code timeZone} the same (an IANA region id such as Europe/Berlin, null for the company's);
 * {@code version} is the one the client read (required).
 */
public record PersonChanges(
        @NotBlank @Size(max = 200) @SingleLine String fullName,

        @NotBlank @Email @Size(max = 254) @SingleLine @DeliverableEmail
        String email,

        // a null among them: a 400 at its index (roles[0]) from JSON, PeopleService#requireRoles otherwise
        @JsonSetter(contentNulls = Nulls.FAIL) @NotEmpty Set<Role> roles,
        @JsonProperty(required = true) Long teamId,
        @JsonProperty(required = true) Long managerId,
        @JsonProperty(required = true) @Size(max = 64) String timeZone,
        @NotNull Long version) {}
