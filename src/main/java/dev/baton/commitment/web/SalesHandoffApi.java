package dev.baton.commitment.web;

import dev.baton.commitment.SalesHandoff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Launches the sales-to-customer-success handoff of a won deal's account. */
@RestController
@Tag(name = "Commitments")
class SalesHandoffApi {

  private final SalesHandoff handoff;

  SalesHandoffApi(SalesHandoff handoff) {
    this.handoff = handoff;
  }

  record Started(long processInstanceKey) {}

  @Operation(summary = "A won deal: the account's rep lists its commitments, teams accept them, CS takes the account")
  @PostMapping("/api/accounts/{id}/handoff-to-cs")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER') or @accountService.isOwner(#id, authentication.name)")
  Started start(@PathVariable long id) {
    return new Started(handoff.start(id));
  }
}
