package dev.baton.account.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.account.AccountAccess;
import dev.baton.account.ContactDetails;
import dev.baton.account.ContactService;
import dev.baton.account.ContactView;
import dev.baton.shared.RequiredBoolean;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts over HTTP. Anyone who talks to the customer may add one; every change to a contact is a
 * write on its account, for whoever may act on the account ({@link AccountAccess}, ADR 014), as its
 * data-quality fix is.
 */
@RestController
@RequestMapping("/api")
@Tag(
        name = "Contacts",
        description = "Any signed-in person may add a contact. Changing one (its details, verifying it, making it"
                + " the primary contact or the champion) is for those who may act on its account: its owner, its"
                + " account team, the owner's managers, admins; others get 403.")
class ContactController {

    /**
     * A PUT carries every field (null clears one), so a client that knows fewer fields clears nothing
     * by leaving them out; {@code version} as read, required. The checks are {@link ContactDetails}'.
     */
    record ContactChanges(
            @JsonProperty(required = true) String fullName,
            @JsonProperty(required = true) String title,
            @JsonProperty(required = true) String email,
            @JsonProperty(required = true) String phone,
            @JsonProperty(required = true) String preferences,

            @RequiredBoolean boolean primary,

            @NotNull Long version) {

        ContactDetails details() {
            return new ContactDetails(fullName, title, email, phone, preferences, primary, version);
        }
    }

    private final ContactService contacts;
    private final AccountAccess access;
    private final Validator validator;

    ContactController(ContactService contacts, AccountAccess access, Validator validator) {
        this.contacts = contacts;
        this.access = access;
        this.validator = validator;
    }

    @GetMapping("/accounts/{accountId}/contacts")
    @Operation(summary = "An account's contacts; stale=true: not verified for over a year, or never")
    List<ContactView> list(@PathVariable Long accountId, @RequestParam(required = false) Boolean stale) {
        return contacts.forAccount(accountId, stale);
    }

    @PostMapping("/accounts/{accountId}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add a contact (anyone); primary=true makes it the account's only primary contact, which only"
                    + " those who may act on the account may do")
    ContactView create(@PathVariable Long accountId, @Valid @RequestBody ContactDetails details, Principal me) {
        if (details.primary()) {
            access.requireMayActOn(accountId, me.getName());
        }
        return contacts.create(accountId, details);
    }

    @GetMapping("/contacts/{id}")
    ContactView get(@PathVariable Long id) {
        return contacts.get(id);
    }

    @PutMapping("/contacts/{id}")
    @Operation(summary = "Change the contact's details; primary=true makes it the account's only primary contact")
    ContactView update(@PathVariable Long id, @Valid @RequestBody ContactChanges changes, Principal me) {
        access.requireMayChangeContact(id, me.getName());
        ContactDetails details = changes.details();
        Set<ConstraintViolation<ContactDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return contacts.update(id, details);
    }

    @PostMapping("/contacts/{id}/champion")
    @Operation(summary = "Make the contact the account's champion (the previous one loses the mark)")
    ContactView champion(@PathVariable Long id, Principal me) {
        access.requireMayChangeContact(id, me.getName());
        return contacts.appoint(id, false, true);
    }

    @PostMapping("/contacts/{id}/verify")
    @Operation(summary = "Record that the contact's details were checked with them just now")
    ContactView verify(@PathVariable Long id, Principal me) {
        access.requireMayChangeContact(id, me.getName());
        return contacts.verify(id);
    }
}
