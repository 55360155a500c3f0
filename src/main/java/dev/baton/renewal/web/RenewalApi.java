package dev.baton.renewal.web;

import dev.baton.renewal.RenewalRuns;
import dev.baton.shared.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/renewals")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
@Tag(name = "Renewals", description = "The renewal playbook's runs, one per account and renewal date.")
class RenewalApi {

    private final RenewalRuns runs;

    RenewalApi(RenewalRuns runs) {
        this.runs = runs;
    }

    @GetMapping
    @Operation(
            summary = "The renewals you watch (a manager: the accounts they and their line own; an admin: all), paged:"
                    + " running ones first, soonest renewal first, each with the steps it waits on (who, since, due,"
                    + " late); then ended ones (renewed or churned), latest first",
            description = "`page` and `size` only: the order is fixed.")
    PageResponse<RenewalRuns.Run> list(
            @PageableDefault(size = RenewalPages.PAGE_SIZE) Pageable pageable, Principal me) {
        return PageResponse.of(runs.list(me.getName(), pageable));
    }
}
