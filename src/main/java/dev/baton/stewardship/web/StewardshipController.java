package dev.baton.stewardship.web;

import dev.baton.account.ContactDetails;
import dev.baton.shared.PageResponse;
import dev.baton.stewardship.ReviewRuns;
import dev.baton.stewardship.ReviewTasks;
import dev.baton.stewardship.StewardshipContact.Outcome;
import dev.baton.stewardship.StewardshipService;
import dev.baton.stewardship.StewardshipService.ReviewView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stewardship")
@Tag(name = "Contact stewardship", description = "An owner's periodic review of contacts not verified lately.")
class StewardshipController {

    /**
     * One contact's outcome: {@code verified}, {@code changed} (with {@code details}: the contact's
     * complete new details and the version read), or {@code left} (left the company: retired, kept).
     */
    record OutcomeRequest(@NotBlank String outcome, @Valid ContactDetails details) {

        Outcome parsed() {
            return Outcome.parse(outcome);
        }
    }

    private final StewardshipService stewardship;
    private final ReviewTasks reviewTasks;
    private final ReviewRuns runs;

    StewardshipController(StewardshipService stewardship, ReviewTasks reviewTasks, ReviewRuns runs) {
        this.runs = runs;
        this.stewardship = stewardship;
        this.reviewTasks = reviewTasks;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(
            summary = "The contact reviews you watch (a manager: their own and their line's; an admin: all), paged:"
                    + " open ones first, newest first, each with its owner, accounts, contacts with an outcome and the"
                    + " steps it waits on (who, since, due, late); then ended ones",
            description = "`page` and `size` only: the order is fixed.")
    PageResponse<ReviewRuns.Run> list(
            @PageableDefault(size = StewardshipPages.PAGE_SIZE) Pageable pageable, Principal me) {
        return PageResponse.of(runs.list(me.getName(), pageable));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A review's contacts and the outcomes recorded so far")
    ReviewView get(@PathVariable long id) {
        return stewardship.view(id);
    }

    @PostMapping("/{id}/contacts/{contactId}")
    @Operation(
            summary = "Record one contact's outcome (the review's owner or an admin); the owner's last one"
                    + " completes the review task")
    ReviewView record(
            @PathVariable long id,
            @PathVariable long contactId,
            @Valid @RequestBody OutcomeRequest body,
            Principal me) {
        ReviewView recorded = stewardship.record(id, contactId, body.parsed(), body.details(), me.getName());
        reviewTasks.completeIfDone(recorded, me.getName());
        return recorded;
    }
}
