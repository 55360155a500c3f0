package dev.baton.process;

import dev.baton.commitment.CommitmentSettings;
import dev.baton.commitment.SalesHandoff;
import dev.baton.process.HandoffBpmn.Variables;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
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

  /** How often the handoff looks again at commitments still awaiting their team's acceptance. */
  static final String RECHECK_EVERY = "PT1H";

  private final Playbooks playbooks;
  private final SalesHandoff handoff;
  private final CommitmentSettings settings;

  SalesHandoffApi(Playbooks playbooks, SalesHandoff handoff, CommitmentSettings settings) {
    this.playbooks = playbooks;
    this.handoff = handoff;
    this.settings = settings;
  }

  record Started(long processInstanceKey) {}

  @Operation(summary = "A won deal: the account's rep lists its commitments, teams accept them, CS takes the account")
  @PostMapping("/api/accounts/{id}/handoff-to-cs")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER') or @accountService.isOwner(#id, authentication.name)")
  Started start(@PathVariable long id) {
    return new Started(playbooks.start(HandoffBpmn.PROCESS_ID, Map.of(Bpmn.Variables.ACCOUNT_ID, id,
        Variables.REP_USERNAME, handoff.rep(id), Variables.CS_TEAM, settings.verifyingTeam(),
        Variables.RECHECK_EVERY, RECHECK_EVERY)));
  }
}
