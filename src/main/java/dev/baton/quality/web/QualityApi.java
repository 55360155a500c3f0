package dev.baton.quality.web;

import dev.baton.account.ContactView;
import dev.baton.commitment.CommitmentView;
import dev.baton.quality.QualityFinding;
import dev.baton.quality.QualityKind;
import dev.baton.quality.QualityService;
import dev.baton.quality.QualitySummary;
import dev.baton.shared.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import org.springframework.data.domain.PageRequest;
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
@RequestMapping("/api/data-quality")
@PreAuthorize("@capabilities.granted(authentication, 'READ_REPORTS')")
@Tag(
        name = "Data quality",
        description = "Findings listed by account owner, and one-click fixes (each audited). Admins and revenue ops"
                + " see all, managers those of accounts owned in their line; admins and managers fix (revenue ops"
                + " do not: 403), each fix checked in the account's line.")
class QualityApi {

    record Merge(@NotNull Long intoId) {}

    record Assignment(@NotNull Long ownerId) {}

    private final QualityService quality;

    QualityApi(QualityService quality) {
        this.quality = quality;
    }

    @GetMapping
    @Operation(
            summary = "How many findings of each kind, in all and per account owner: a manager's line, or everyone"
                    + " for admins")
    QualitySummary summary(Principal me) {
        return quality.summary(me.getName());
    }

    @GetMapping("/findings")
    @Operation(
            summary = "One page of findings of one kind that the caller sees (a manager: of accounts owned in their"
                    + " line; an admin: all), of one owner's accounts (owner = person id) when given; by account id,"
                    + " then subject id (open commitments: by due date, then id)")
    PageResponse<QualityFinding> findings(
            @RequestParam QualityKind kind,
            @RequestParam(required = false) Long owner,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Principal me) {
        return PageResponse.of(quality.findings(
                kind, owner, me.getName(), PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, 500))));
    }

    @PreAuthorize("@capabilities.granted(authentication, 'FIX_FINDINGS')")
    @PostMapping("/contacts/{id}/verify")
    @Operation(summary = "Fix: the contact's details were checked with the customer")
    ContactView verify(@PathVariable Long id, Principal me) {
        return quality.verify(id, me.getName());
    }

    @PreAuthorize("@capabilities.granted(authentication, 'FIX_FINDINGS')")
    @PostMapping("/contacts/{id}/merge")
    @Operation(
            summary = "Fix: merge this duplicate into another contact at the same account; its interactions and "
                    + "commitments move over, its details fill blanks, then it is deleted")
    ContactView merge(@PathVariable Long id, @Valid @RequestBody Merge body, Principal me) {
        return quality.merge(id, body.intoId(), me.getName());
    }

    @PreAuthorize("@capabilities.granted(authentication, 'FIX_FINDINGS')")
    @PutMapping("/accounts/{id}/owner")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Fix: give the account to an active person")
    void assignAccount(@PathVariable Long id, @Valid @RequestBody Assignment body, Principal me) {
        quality.assignAccount(id, body.ownerId(), me.getName());
    }

    @PreAuthorize("@capabilities.granted(authentication, 'FIX_FINDINGS')")
    @PutMapping("/commitments/{id}/owner")
    @Operation(summary = "Fix: give the open commitment to an active person")
    CommitmentView assignCommitment(@PathVariable Long id, @Valid @RequestBody Assignment body, Principal me) {
        return quality.assignCommitment(id, body.ownerId(), me.getName());
    }
}
