package dev.baton.commitment.web;

import dev.baton.commitment.CommitmentHistoryEntry;
import dev.baton.commitment.CommitmentRegister;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentSummary;
import dev.baton.commitment.CommitmentView;
import dev.baton.commitment.NewCommitment;
import dev.baton.shared.CsvExport;
import dev.baton.shared.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.security.Principal;
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
 */
@RestController
@RequestMapping("/api/commitments")
@Tag(name = "Commitments")
class CommitmentController {

  static final String OWNER_OR_LEAD = "hasAnyRole('ADMIN', 'MANAGER') or @commitmentService.isOwner(#id, authentication.name)";
  static final String CS_OR_LEAD = "hasAnyRole('ADMIN', 'MANAGER', 'CS')";

  record Version(Long version) {}

  record Reason(@NotBlank @Size(max = 4000) String reason, Long version) {}

  record Delivery(@NotBlank @Size(max = 4000) String evidence, Long version) {}

  record Reassignment(@NotNull Long ownerId, Long version) {}

  private final CommitmentService commitments;
  private final CommitmentRegister register;

  CommitmentController(CommitmentService commitments, CommitmentRegister register) {
    this.commitments = commitments;
    this.register = register;
  }

  @GetMapping
  @Operation(summary = "Filter by status, owner (person id), delivering team (id), account (id), overdue, unowned "
      + "(open without an active owner), rejected, due window (dueFrom/dueTo, inclusive); sorted by due date")
  PageResponse<CommitmentView> list(
      @ParameterObject RegisterParams params, @PageableDefault(sort = {"dueDate", "id"}) Pageable pageable) {
    return PageResponse.of(commitments.find(params.toFilter(), pageable));
  }

  @GetMapping("/summary")
  @Operation(summary = "The register's counts (open, overdue, unowned, rejected, awaiting verification) in the "
      + "filter's scope: owner, team, account and due window")
  CommitmentSummary summary(@ParameterObject RegisterParams params) {
    return register.summary(params.toFilter());
  }

  @GetMapping(value = "/export.csv", produces = "text/csv")
  @Operation(summary = "The filtered register as CSV (RFC 4180, UTF-8 with a byte-order mark), by due date")
  void export(@ParameterObject RegisterParams params, HttpServletResponse response) throws IOException {
    response.setContentType(CsvExport.CONTENT_TYPE);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"commitments.csv\"");
    CommitmentCsv.write(register, params.toFilter(), response.getWriter());
  }

  @GetMapping("/{id}")
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
  @Operation(summary = "Record a promise made to a customer (made by the signed-in person)")
  CommitmentView create(@Valid @RequestBody NewCommitment commitment, Principal me) {
    return commitments.create(commitment, me.getName());
  }

  @PostMapping("/{id}/accept")
  @PreAuthorize(OWNER_OR_LEAD)
  CommitmentView accept(@PathVariable Long id, @RequestBody(required = false) Version body) {
    return commitments.accept(id, version(body));
  }

  @PostMapping("/{id}/reject")
  @PreAuthorize(OWNER_OR_LEAD)
  @Operation(summary = "Delivery won't take it on: back to the maker to renegotiate")
  CommitmentView reject(@PathVariable Long id, @Valid @RequestBody Reason body) {
    return commitments.reject(id, body.reason(), body.version());
  }

  @PostMapping("/{id}/deliver")
  @PreAuthorize(OWNER_OR_LEAD)
  CommitmentView deliver(@PathVariable Long id, @Valid @RequestBody Delivery body) {
    return commitments.deliver(id, body.evidence(), body.version());
  }

  @PostMapping("/{id}/verify")
  @PreAuthorize(CS_OR_LEAD)
  @Operation(summary = "Customer success confirmed delivery with the customer")
  CommitmentView verify(@PathVariable Long id, @RequestBody(required = false) Version body) {
    return commitments.verify(id, version(body));
  }

  @PostMapping("/{id}/reopen")
  @PreAuthorize(CS_OR_LEAD)
  @Operation(summary = "The customer says it was not delivered after all")
  CommitmentView reopen(@PathVariable Long id, @Valid @RequestBody Reason body) {
    return commitments.reopen(id, body.reason(), body.version());
  }

  @PostMapping("/{id}/cancel")
  @PreAuthorize(OWNER_OR_LEAD)
  CommitmentView cancel(@PathVariable Long id, @Valid @RequestBody Reason body) {
    return commitments.cancel(id, body.reason(), body.version());
  }

  @PostMapping("/{id}/breach")
  @PreAuthorize(CS_OR_LEAD)
  CommitmentView breach(@PathVariable Long id, @Valid @RequestBody Reason body) {
    return commitments.breach(id, body.reason(), body.version());
  }

  @PutMapping("/{id}/owner")
  @PreAuthorize(CS_OR_LEAD)
  @Operation(summary = "Give the commitment to another active person")
  CommitmentView reassign(@PathVariable Long id, @Valid @RequestBody Reassignment body) {
    return commitments.reassign(id, body.ownerId(), body.version());
  }

  private static Long version(Version body) {
    return body == null ? null : body.version();
  }
}
