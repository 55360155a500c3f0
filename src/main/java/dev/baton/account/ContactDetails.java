package dev.baton.account;

import dev.baton.shared.DeliverableEmail;
import dev.baton.shared.PlainText;
import dev.baton.shared.SingleLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A contact's details, for creating or changing one; {@code version} as read (optional, ignored on create). */
public record ContactDetails(
        @NotBlank @Size(max = 200) @SingleLine String fullName,
        @Size(max = 200) @SingleLine String title,

        @Email @Size(max = 254) @SingleLine @DeliverableEmail
        String email,

        @Size(max = 60) @SingleLine String phone,
        @Size(max = 4000) @PlainText String preferences,
        boolean primary,
        Long version) {}
