package dev.baton.commitment.web;

import dev.baton.account.AccountAccess;
import dev.baton.account.AccountService;
import dev.baton.commitment.SalesHandoff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Launches the sales-to-customer-success handoff of a won deal's account. */
@RestController
@Tag(name = "Commitments")
class SalesHandoffApi {

    private final SalesHandoff handoff;
    private final AccountAccess access;
    private final AccountService accounts;

    SalesHandoffApi(SalesHandoff handoff, AccountAccess access, AccountService accounts) {
        this.accounts = accounts;
        this.handoff = handoff;
        this.access = access;
    }

    record Started(long processInstanceKey) {}

    @Operation(
            summary = "A won deal: the account's rep lists its commitments, teams accept them, CS takes the account",
            description = "Its owner, its account team, the owner's managers and admins may start it.")
    @PostMapping("/api/accounts/{id}/handoff-to-cs")
    @ResponseStatus(HttpStatus.CREATED)
    Started start(@PathVariable long id, Principal me) {
        accounts.account(id); // a path naming no account is a 404, as for every path (found by session 37's probe: 400)
        access.requireMayActOn(id, me.getName());
        return new Started(handoff.start(id));
    }
}
