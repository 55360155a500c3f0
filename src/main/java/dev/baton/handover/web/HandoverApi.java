package dev.baton.handover.web;

import dev.baton.handover.HandoverQueries;
import dev.baton.handover.HandoverService;
import dev.baton.handover.HandoverViews;
import dev.baton.handover.LaunchRequest;
import dev.baton.shared.PageResponse;
import dev.baton.shared.SortFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    private static final Pageable FIRST_PAGE = PageRequest.of(0, PAGE_SIZE, Sort.by("id"));

    private final HandoverService launcher;
    private final HandoverQueries queries;

    HandoverApi(HandoverService launcher, HandoverQueries queries) {
        this.launcher = launcher;
        this.queries = queries;
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

    @GetMapping("/{id}")
    @Operation(
            summary = "A handover with one page of its accounts (page, size, sort=account.name; always ending with the"
                    + " item id): each account's step, open task, assignee and lateness")
    HandoverViews.Detail get(
            @PathVariable long id,
            @SortFields({"account.name"}) @PageableDefault(size = PAGE_SIZE) Pageable pageable,
            Principal me) {
        return queries.detail(id, me.getName(), pageable);
    }

    @GetMapping("/preview")
    @Operation(
            summary =
                    "What a handover of this person would move: accounts, open commitments, open tasks, stale contacts")
    HandoverViews.Preview preview(@RequestParam Long person, Principal me) {
        return queries.preview(person, me.getName());
    }
}
