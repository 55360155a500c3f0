package dev.baton.audit.web;

import dev.baton.audit.AuditFilter;
import dev.baton.shared.BadRequestException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit trail's query parameters, shared by the page and the API. {@code from} and {@code to} are
 * days (UTC), both included.
 */
record AuditParams(
        String entityType,
        Long entityId,
        Long account,
        String actor,
        String action,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    /** @throws BadRequestException (field {@code to}) when the range ends before it starts */
    AuditFilter toFilter() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("to", "must not be before from");
        }
        return new AuditFilter(
                entityType,
                entityId,
                account,
                actor,
                action,
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
