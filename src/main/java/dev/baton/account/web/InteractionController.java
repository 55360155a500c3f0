package dev.baton.account.web;

import dev.baton.account.InteractionService;
import dev.baton.account.InteractionView;
import dev.baton.account.NewInteraction;
import dev.baton.shared.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts/{accountId}/interactions")
@Tag(name = "Interactions", description = "Any signed-in person logs calls, meetings, emails and notes.")
class InteractionController {

    private final InteractionService interactions;

    InteractionController(InteractionService interactions) {
        this.interactions = interactions;
    }

    @GetMapping
    @Operation(summary = "The account's interactions, newest first")
    PageResponse<InteractionView> list(@PathVariable Long accountId, Pageable pageable) {
        return PageResponse.of(interactions.forAccount(accountId, pageable));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Log an interaction, by the signed-in person (always: there is no byId), now unless occurredAt is given",
            description = "Any signed-in person may log on any account: whoever talked to the customer records it. "
                    + "The author is the signed-in person; a byId in the body never sets the author.")
    InteractionView log(@PathVariable Long accountId, @Valid @RequestBody NewInteraction interaction, Principal me) {
        return interactions.log(accountId, interaction, me.getName());
    }
}
