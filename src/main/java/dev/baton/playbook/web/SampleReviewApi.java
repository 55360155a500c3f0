package dev.baton.playbook.web;

import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.ProcessInstances;
import dev.baton.account.AccountAccess;
import dev.baton.account.Accounts;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.SaneDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Starts the sample playbook, to try the inbox. The general playbook launcher comes with the playbook feature. */
@RestController
@RequestMapping("/api/playbooks/" + SampleReviewBpmn.PROCESS_ID + "/instances")
@Tag(name = "Playbooks")
class SampleReviewApi {

  static final Duration DEFAULT_DUE_IN = Duration.ofDays(3);

  private final ProcessInstances processInstances;
  private final Accounts accounts;
  private final Clock clock;
  private final AccountAccess access;

  SampleReviewApi(ProcessInstances processInstances, Accounts accounts, Clock clock, AccountAccess access) {
    this.access = access;
    this.processInstances = processInstances;
    this.accounts = accounts;
    this.clock = clock;
  }

  record StartReview(Long accountId, @SaneDate Instant dueAt) {}

  record Started(long processInstanceKey) {}

  @Operation(summary = "Start a sample account review: a task for the sales-emea team, due in 3 days unless given",
      description = "Managers and admins; on an account, only a manager of its owner's line (or an admin).")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  Started start(@Valid @RequestBody(required = false) StartReview request, Principal me) {
    StartReview r = request == null ? new StartReview(null, null) : request;
    Map<String, Object> variables = new HashMap<>();
    if (r.accountId() != null) {
      access.requireMayActOn(r.accountId(), me.getName());
      // checked here: an unknown id would only surface later, as a task the inbox cannot store
      if (!accounts.existsById(r.accountId())) {
        throw new BadRequestException("accountId", "account " + r.accountId() + " does not exist");
      }
      variables.put(Variables.ACCOUNT_ID, r.accountId());
    }
    variables.put(Variables.REVIEW_DUE_AT, (r.dueAt() == null ? clock.instant().plus(DEFAULT_DUE_IN) : r.dueAt()).toString());
    return new Started(processInstances.start(SampleReviewBpmn.PROCESS_ID, variables));
  }
}
