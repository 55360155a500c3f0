package dev.baton.audit.web;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditReaders;
import dev.baton.audit.AuditTrail;
import dev.baton.shared.AccountIds;
import dev.baton.shared.Dates;
import dev.baton.shared.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "The raw audit trail: admins all of it, managers their line's.")
class AuditApi {

    /**
     * One audit event as recorded: who changed what, when, and the fields before and after; {@code
     * actionLabel} is the action in words, as the audit page shows it ({@code action} stays the code
     * that filters match).
     */
    record AuditEntry(
            long id,
            Instant at,
            String actor,
            String action,
            String actionLabel,
            String entityType,
            Long entityId,
            Long accountId,
            Map<String, Object> before,
            Map<String, Object> after) {

        static AuditEntry of(AuditEvent e) {
            return new AuditEntry(
                    e.getId(),
                    e.getAt(),
                    e.getActor(),
                    e.getAction(),
                    e.getActionLabel(),
                    e.getEntityType(),
                    e.getEntityId(),
                    e.getAccountId(),
                    e.getBeforeState(),
                    e.getAfterState());
        }
    }

    private final AuditTrail trail;

    private final Dates dates;

    private final AccountIds accounts;

    private final AuditReaders readers;

    AuditApi(AuditTrail trail, Dates dates, AccountIds accounts, AuditReaders readers) {
        this.trail = trail;
        this.readers = readers;
        this.dates = dates;
        this.accounts = accounts;
    }

    @GetMapping
    @PreAuthorize("@auditReaders.may(authentication)")
    @Operation(
            summary = "Audit events newest first (a manager's own and their reporting line's, an admin's all),"
                    + " filtered by entityType, entityId, accountId (or its older name"
                    + " account), actor, action (a value ending in '.' matches a prefix) and days from/to (in the"
                    + " caller's time zone, both included). Any other parameter is a 400 naming it, and so is an"
                    + " accountId that names no account or an actor who is nobody's user name and did nothing")
    PageResponse<AuditEntry> list(
            AuditParams params,
            Authentication reader,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageResponse.of(
                trail.find(params.toFilter(dates.zone(), accounts), readers.actorsFor(reader), page, size)
                        .map(AuditEntry::of));
    }
}
