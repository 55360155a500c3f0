package dev.baton.audit.web;

import dev.baton.audit.AuditFilter;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.Dates;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /**
     * @param zone the reader's: {@code from} and {@code to} are their days, as the page prints times
     * @throws BadRequestException (field {@code to}) when the range ends before it starts
     */
    AuditFilter toFilter(ZoneId zone) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("to", "must not be before from");
        }
        return new AuditFilter(
                entityType,
                entityId,
                account,
                actor,
                action,
                from == null ? null : Dates.startOf(from, zone),
                to == null ? null : Dates.endOf(to, zone));
    }
}
