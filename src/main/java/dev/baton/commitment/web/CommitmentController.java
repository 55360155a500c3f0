package dev.baton.commitment.web;

import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentAccess;
import dev.baton.commitment.CommitmentHistoryEntry;
import dev.baton.commitment.CommitmentRegister;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentSummary;
import dev.baton.commitment.CommitmentView;
import dev.baton.commitment.NewCommitment;
import dev.baton.shared.CsvExport;
import dev.baton.shared.PageResponse;
import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import dev.baton.shared.SortFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commitment register. Status changes are guarded by the commitment itself (409 when its status
 * does not allow one); {@code version} in a body, when sent, must be the current one (else 409).
 * Who may change what is {@link CommitmentAccess} (403 saying why): the role gates here, the line there.
 */
@RestController
@RequestMapping("/api/commitments")
@Tag(name = "Commitments")
class CommitmentController {

    static final String CS_OR_LEAD = "hasAnyRole('ADMIN', 'MANAGER', 'CS')";

    record Version(Long version) {}

    record Reason(
            @NotBlank @Size(max = Commitment.NOTE_MAX) @PlainText
            String reason,

            Long version) {}

    record Delivery(
            @NotBlank @Size(max = Commitment.NOTE_MAX) @PlainText
            String evidence,

            Long version) {}

    record Reassignment(@NotNull Long ownerId, @NotNull Long version) {}

    /** A new due date agreed with the customer, and why. */
    record Rescheduling(
            @NotNull @SaneDate LocalDate dueDate,

            @NotBlank @Size(max = Commitment.NOTE_MAX) @PlainText
            String reason,

            Long version) {}

    private final CommitmentService commitments;
    private final CommitmentRegister register;
    private final CommitmentAccess access;
    private final RegisterFilters filters;

    CommitmentController(
            CommitmentService commitments,
            CommitmentRegister register,
            CommitmentAccess access,
            RegisterFilters filters) {
        this.commitments = commitments;
        this.register = register;
        this.access = access;
        this.filters = filters;
    }

    @GetMapping
    @Operation(
            summary = "Filter by status, owner (person id), delivering team (id), account (id), overdue, unowned "
                    + "(open without an active owner), rejected, due window (dueFrom/dueTo, inclusive); sorted by due date."
                    + " An owner, team or account id that names nothing is a 400 naming it")
    PageResponse<CommitmentView> list(
            @Valid @ParameterObject RegisterParams params,
            @SortFields({"dueDate", "status", "createdAt"}) @PageableDefault(sort = {"dueDate", "id"})
                    Pageable pageable) {
        return PageResponse.of(filters.page(params, filter -> commitments.find(filter, pageable)));
    }

    @GetMapping("/summary")
    @Operation(
            summary = "The register's counts (open, overdue, unowned, rejected, awaiting verification) in the "
                    + "filter's scope: owner, team, account and due window")
    CommitmentSummary summary(@Valid @ParameterObject RegisterParams params) {
        return register.summary(filters.of(params));
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The filtered register as CSV (RFC 4180, UTF-8 with a byte-order mark), by due date")
    void export(@Valid @ParameterObject RegisterParams params, HttpServletResponse response) throws IOException {
        var filter = filters.of(params); // before the headers: an unknown id is a problem detail, not a CSV
        response.setContentType(CsvExport.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"commitments.csv\"");
        CommitmentCsv.write(register, filter, response.getWriter());
    }

    @GetMapping("/{id:\\d+}") // digits only: /export.csv for another Accept is a 406, not "id: must be a whole number"
    CommitmentView get(@PathVariable Long id) {
        return commitments.get(id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every change to the commitment, oldest first (from the audit log)")
    List<CommitmentHistoryEntry> history(@PathVariable Long id) {
        return register.history(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a promise made to a customer (made by the signed-in person)",
            description =
                    "By whoever may act on the account (its owner and account team, the owner's managers, admins). "
                            + "The owner, when given, is the maker, someone of the maker's team or line, or a member of the delivering team.")
    CommitmentView create(@Valid @RequestBody NewCommitment commitment, Principal me) {
        access.requireMayRecord(commitment, me.getName());
        return commitments.create(commitment, me.getName());
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "The owner takes it on (or a manager of the owner's line, an admin)")
    CommitmentView accept(@PathVariable Long id, @RequestBody(required = false) Version body, Principal me) {
        access.requireMayChangeStatus(id, me.getName(), false, "accept");
        return commitments.accept(id, version(body));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Delivery won't take it on: back to the maker to renegotiate (owner, their managers, admins)")
    CommitmentView reject(@PathVariable Long id, @Valid @RequestBody Reason body, Principal me) {
        access.requireMayChangeStatus(id, me.getName(), false, "reject");
        return commitments.reject(id, body.reason(), body.version());
    }

    @PostMapping("/{id}/deliver")
    @Operation(summary = "Delivered, with evidence (owner, their managers, admins)")
    CommitmentView deliver(@PathVariable Long id, @Valid @RequestBody Delivery body, Principal me) {
        access.requireMayChangeStatus(id, me.getName(), false, "deliver");
        return commitments.deliver(id, body.evidence(), body.version());
    }

    @PostMapping("/{id}/verify")
    @PreAuthorize(CS_OR_LEAD)
    @Operation(summary = "Customer success confirmed delivery with the customer (CS, admins; managers for their line)")
    CommitmentView verify(@PathVariable Long id, @RequestBody(required = false) Version body, Principal me) {
        access.requireMayCheck(id, me.getName(), "verify");
        return commitments.verify(id, version(body));
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize(CS_OR_LEAD)
    @Operation(summary = "The customer says it was not delivered after all (CS, admins; managers for their line)")
    CommitmentView reopen(@PathVariable Long id, @Valid @RequestBody Reason body, Principal me) {
        access.requireMayCheck(id, me.getName(), "reopen");
        return commitments.reopen(id, body.reason(), body.version());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Taken back (owner or maker, their managers, admins)")
    CommitmentView cancel(@PathVariable Long id, @Valid @RequestBody Reason body, Principal me) {
        access.requireMayChangeStatus(id, me.getName(), true, "cancel");
        return commitments.cancel(id, body.reason(), body.version());
    }

    @PostMapping("/{id}/breach")
    @PreAuthorize(CS_OR_LEAD)
    @Operation(summary = "Not kept (CS, admins; managers for their line)")
    CommitmentView breach(@PathVariable Long id, @Valid @RequestBody Reason body, Principal me) {
        access.requireMayCheck(id, me.getName(), "mark breached");
        return commitments.breach(id, body.reason(), body.version());
    }

    @PostMapping("/{id}/reschedule")
    @Operation(
            summary = "Move a proposed or accepted commitment to a new due date agreed with the customer",
            description = "Owner or maker, their managers, customer success and admins. The new date is today or later"
                    + " where the owner is (in the company's time zone while nobody owns it), and not the current"
                    + " one; a reason is required. The reminder and the"
                    + " overdue escalation follow the new date; mails waiting for the old one are withdrawn.")
    CommitmentView reschedule(@PathVariable Long id, @Valid @RequestBody Rescheduling body, Principal me) {
        access.requireMayReschedule(id, me.getName());
        return commitments.reschedule(id, body.dueDate(), body.reason(), body.version());
    }

    @PutMapping("/{id}/owner")
    @Operation(
            summary = "Give the commitment to another active person",
            description = "Managers for their line's commitments, CS for their own, admins any; one without an active "
                    + "owner by any of them. The new owner is someone of the caller's team or line, or of the delivering team."
                    + " The same rule answers a commitment step that names a new owner.")
    // the rule is CommitmentAccess.requireMayReassign, one for this endpoint and the steps; its role gate is
    // decided here too, before the body is read: a rep sending {} got "ownerId: is required", not a 403
    @PreAuthorize(CS_OR_LEAD)
    CommitmentView reassign(@PathVariable Long id, @Valid @RequestBody Reassignment body, Principal me) {
        access.requireMayReassign(id, body.ownerId(), me.getName());
        return commitments.reassign(id, body.ownerId(), body.version());
    }

    private static Long version(Version body) {
        return body == null ? null : body.version();
    }
}
