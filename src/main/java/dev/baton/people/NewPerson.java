package dev.baton.people;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import dev.baton.shared.DeliverableEmail;
import dev.baton.shared.SingleLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A person to create; the password is hashed before it is stored. */
public record NewPerson(
        @NotBlank
        @Size(max = 60)
        @Pattern(regexp = "[a-z0-9._-]+", message = "use lower-case letters, digits, '.', '_' or '-'")
        String username,

        @NotBlank @Size(max = 200) @SingleLine String fullName,

        @NotBlank @Email @Size(max = 254) @SingleLine @DeliverableEmail
        String email,
        // as typed: not trimmed or normalised like other text (see StrictJson)
        // the API holds it to PersonPasswords' rule too (bytes bcrypt reads, not the user name)
        @JsonDeserialize(using = StringDeserializer.class) @NotBlank @Size(min = PersonPasswords.MIN_LENGTH, max = 200)
        String password,

        // a null among them: a 400 at its index (roles[0]) from JSON, PeopleService#requireRoles otherwise
        @JsonSetter(contentNulls = Nulls.FAIL) @NotEmpty Set<Role> roles,
        Long teamId,
        Long managerId,
        // an IANA region id (e.g. Europe/Berlin); null or absent: the company's (see TimeZones)
        @Size(max = 64) String timeZone) {

    /** As before time zones: in the company's. */
    public NewPerson(
            String username,
            String fullName,
            String email,
            String password,
            Set<Role> roles,
            Long teamId,
            Long managerId) {
        this(username, fullName, email, password, roles, teamId, managerId, null);
    }
}
