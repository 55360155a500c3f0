package dev.baton.account.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.baton.account.AccountAccess;
import dev.baton.account.AccountDetails;
import dev.baton.account.AccountSearch;
import dev.baton.account.AccountService;
import dev.baton.account.AccountView;
import dev.baton.account.HandoverNotes;
import dev.baton.account.NewAccount;
import dev.baton.account.Timeline;
import dev.baton.account.TimelineItem;
import dev.baton.shared.PageResponse;
import dev.baton.shared.SortFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
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
@RequestMapping("/api/accounts")
@Tag(
        name = "Accounts",
        description = "Everyone may read. Managers (for their line) and admins create and transfer; "
                + "the owner, the account team, the owner's managers and admins edit.")
class AccountController {

    record Transfer(@NotNull Long ownerId, @NotNull Long version) {}

    /** The account with the handover notes written for it, newest first. */
    record AccountWithNotes(@JsonUnwrapped AccountView account, List<HandoverNotes.Note> handoverNotes) {}

    private final AccountService accounts;
    private final AccountAccess access;
    private final Timeline timeline;
    private final ObjectProvider<HandoverNotes> notes;

    AccountController(
            AccountService accounts, AccountAccess access, Timeline timeline, ObjectProvider<HandoverNotes> notes) {
        this.accounts = accounts;
        this.access = access;
        this.timeline = timeline;
        this.notes = notes;
    }

    @GetMapping
    @Operation(summary = "Search accounts by owner (person id), name substring, territory and segment")
    PageResponse<AccountView> list(
            @RequestParam(required = false) Long owner,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) String segment,
            @SortFields({"name", "segment", "territory", "renewalDate", "createdAt"}) @PageableDefault(sort = "name")
                    Pageable pageable) {
        return PageResponse.of(accounts.find(new AccountSearch(owner, q, territory, segment), pageable));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account with its handover notes (who wrote each, when, for which handover), newest first")
    AccountWithNotes get(@PathVariable Long id) {
        AccountView account = accounts.get(id);
        HandoverNotes source = notes.getIfAvailable();
        return new AccountWithNotes(account, source == null ? List.of() : source.of(id));
    }

    @GetMapping("/{id}/timeline")
    @Operation(
            summary = "One page (page, size) of the account's interactions, commitment events and other changes,"
                    + " newest first in a fixed order (same instant: interactions first, then newest id first)")
    PageResponse<TimelineItem> timeline(
            @PathVariable Long id, @PageableDefault(size = Timeline.RECENT) Pageable pageable) {
        return PageResponse.of(timeline.page(id, pageable));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(
            summary =
                    "Create an account, owned by nobody, the manager, or someone of their team or line (admins: anyone)")
    AccountView create(@Valid @RequestBody NewAccount account, Principal me) {
        access.requireMayCreateFor(account.ownerId(), me.getName());
        return accounts.create(account);
    }

    @PutMapping("/{id}")
    @Operation(
            summary =
                    "Edit an account's details (not its owner): its owner, account team, the owner's managers, admins")
    AccountView update(@PathVariable Long id, @Valid @RequestBody AccountDetails details, Principal me) {
        access.requireMayActOn(id, me.getName());
        return accounts.update(id, details);
    }

    @PutMapping("/{id}/owner")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(
            summary = "Transfer the account to another active person (a whole book moves with a handover)",
            description =
                    "Managers only for accounts owned in their line, to someone of their team or line; admins any.")
    AccountView transfer(@PathVariable Long id, @Valid @RequestBody Transfer transfer, Principal me) {
        access.requireMayReassign(id, transfer.ownerId(), me.getName());
        return accounts.transfer(id, transfer.ownerId(), transfer.version());
    }
}
