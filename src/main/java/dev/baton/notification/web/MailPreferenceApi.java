package dev.baton.notification.web;

import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.MailPreferenceService.Choices;
import dev.baton.people.PeopleService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * My mail choices over the API. A REST controller, so its errors are problem details; a PUT names
 * every choice (a missing or unknown one is a 400, never "off").
 */
@RestController
@RequestMapping("/api/preferences/mail")
@Tag(name = "Mail preferences", description = "Which task mails I get, and the opt-in daily digest")
class MailPreferenceApi {

    private final MailPreferenceService preferences;
    private final PeopleService people;

    MailPreferenceApi(MailPreferenceService preferences, PeopleService people) {
        this.preferences = preferences;
        this.people = people;
    }

    @GetMapping
    @Operation(summary = "My mail choices")
    Choices get(Principal me) {
        return preferences.of(id(me));
    }

    @PutMapping
    @Operation(summary = "Change my mail choices (all five, each true or false)")
    Choices put(@Valid @RequestBody Choices choices, Principal me) {
        return preferences.choose(id(me), choices);
    }

    private long id(Principal me) {
        return people.signedIn(me.getName()).getId();
    }
}
