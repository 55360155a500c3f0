package dev.baton.handover.web;

import dev.baton.handover.HandoverChanges;
import dev.baton.handover.HandoverPlans;
import dev.baton.handover.HandoverQueries;
import dev.baton.handover.HandoverService;
import dev.baton.handover.HandoverViews;
import dev.baton.handover.LaunchRequest;
import dev.baton.handover.SuccessorCandidates;
import dev.baton.shared.CancelReason;
import dev.baton.shared.PageResponse;
import dev.baton.shared.SortFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/handovers")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
@Tag(name = "Handovers", description = "Managers hand over the books of people in their line; admins anyone's.")
class HandoverApi {

    /** Accounts per page of a handover's detail unless the request says otherwise. */
    static final int PAGE_SIZE = 50;

    /** How a canceled handover's items read: what the OpenAPI description says of GET and cancel. */
    static final String CANCELED_STEPS = "Once the handover is canceled (status CANCELLED), nobody waits for"
            + " its steps: each account not handed over completely has step CANCELLED, and stoppedAt says the"
            + " step it had reached (WRITING_NOTE, ACKNOWLEDGING, ...); an account handed over completely keeps"
            + " step DONE, and stoppedAt is null. The handover's accountsMoved counts the accounts that stay"
            + " with their successors.";

    private static final Pageable FIRST_PAGE = PageRequest.of(0, PAGE_SIZE, Sort.by("id"));

    private final HandoverService launcher;
    private final HandoverQueries queries;
    private final HandoverPlans plans;
    private final HandoverChanges changes;

    HandoverApi(HandoverService launcher, HandoverQueries queries, HandoverPlans plans, HandoverChanges changes) {
        this.launcher = launcher;
        this.queries = queries;
        this.plans = plans;
        this.changes = changes;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Launch a handover of a person's whole book (accounts, open commitments, open tasks)")
    HandoverViews.Detail launch(@Valid @RequestBody LaunchRequest request, Principal me) {
        return queries.detail(launcher.launch(request, me.getName()), me.getName(), FIRST_PAGE);
    }

    @GetMapping
    PageResponse<HandoverViews.Summary> list(Pageable pageable, Principal me) {
        return PageResponse.of(queries.list(me.getName(), pageable));
    }

    // a whole number only: GET /plan is a 405, not "id: must be a whole number"; -5 is "no handover -5"
    @GetMapping("/{id:-?\\d+}")
    @Operation(
            summary = "A handover with one page of its accounts (page, size, sort=account.name; always ending with the"
                    + " item id): each account's step, open task, assignee and lateness",
            description = CANCELED_STEPS)
    HandoverViews.Detail get(
            @PathVariable long id,
            @SortFields({"account.name"}) @PageableDefault(size = PAGE_SIZE) Pageable pageable,
            Principal me) {
        return queries.detail(id, me.getName(), pageable);
    }

    // at most 2,000 characters of plain text, checked by HandoverChanges.cancel for the API and the wizard alike
    record Cancellation(
            @NotBlank @Schema(maxLength = CancelReason.MAX) String reason) {}

    record SuccessorChange(@NotNull Long successorId) {}

    @PostMapping("/plan")
    @Operation(
            summary = "What launching this request would do: who gets which account, each successor's book "
                    + "after it, how many accounts you decide later, how many introduction mails; nothing changes")
    HandoverPlans.PlanPreview plan(@RequestBody LaunchRequest request, Principal me) {
        return plans.preview(request, me.getName());
    }

    @GetMapping("/candidates")
    @Operation(
            summary = "Who may take over this person's accounts: active reps of their team in your line, "
                    + "not being handed over, with their book sizes")
    List<SuccessorCandidates.Candidate> candidates(@RequestParam Long person, Principal me) {
        return queries.candidates(person, "person", me.getName());
    }

    @GetMapping("/handable")
    @Operation(summary = "Whom you may hand over: active people in your line not being handed over, with book sizes")
    List<SuccessorCandidates.Candidate> handable(Principal me) {
        return queries.handable(me.getName());
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            summary = "Stop a running handover (with a reason): its process and open tasks are withdrawn; accounts "
                    + "that moved stay with their successors, the others with the person",
            description = CANCELED_STEPS)
    HandoverViews.Detail cancel(@PathVariable long id, @Valid @RequestBody Cancellation body, Principal me) {
        changes.cancel(id, body.reason(), me.getName());
        return queries.detail(id, me.getName(), FIRST_PAGE);
    }

    @PutMapping("/{id}/accounts/{accountId}/successor")
    @Operation(
            summary = "Give an account that has not moved yet to another eligible successor; a transfer that had"
                    + " failed for good starts again to them")
    HandoverViews.Detail changeSuccessor(
            @PathVariable long id,
            @PathVariable long accountId,
            @Valid @RequestBody SuccessorChange body,
            Principal me) {
        changes.changeSuccessor(id, accountId, body.successorId(), me.getName());
        return queries.detail(id, me.getName(), FIRST_PAGE);
    }

    @GetMapping("/{id}/amendable")
    @Operation(
            summary = "One page (page, size) of the accounts whose successor can still change (PUT"
                    + " .../accounts/{accountId}/successor): they have a successor and have not moved, by account"
                    + " name; q keeps those whose name contains it, case aside",
            description = "The list the handover page's \"Change the plan\" offers. Empty once the handover has"
                    + " ended (completed or canceled): its successors can no longer change. q is at most 255"
                    + " characters, as an account's name: a longer one is a 400 naming it.")
    PageResponse<HandoverViews.AmendableAccount> amendable(
            @PathVariable long id,
            // a part of an account's name, which is at most 255 characters (AccountDetails): a longer q finds
            // nothing, and it is refused rather than sent to the database (session 47)
            @RequestParam(required = false) @Size(max = 255) String q,
            @PageableDefault(size = PAGE_SIZE) Pageable pageable,
            Principal me) {
        return PageResponse.of(queries.amendable(id, me.getName(), q, pageable));
    }

    @PostMapping("/{id}/accounts/{accountId}/retry-transfer")
    @Operation(
            summary = "Start an account's transfer that failed for good (step TRANSFER_FAILED) again, once its cause"
                    + " is fixed; 409 when it has not failed")
    HandoverViews.Detail retryTransfer(@PathVariable long id, @PathVariable long accountId, Principal me) {
        changes.retryTransfer(id, accountId, me.getName());
        return queries.detail(id, me.getName(), FIRST_PAGE);
    }

    @GetMapping("/preview")
    @Operation(
            summary =
                    "What a handover of this person would move: accounts, open commitments, open tasks, stale contacts")
    HandoverViews.Preview preview(@RequestParam Long person, Principal me) {
        return queries.preview(person, "person", me.getName());
    }
}
