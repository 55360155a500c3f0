package dev.baton.audit.web;

import dev.baton.audit.AuditFilter;
import dev.baton.shared.AccountIds;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.Dates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit trail's query parameters, shared by the page and the API. {@code accountId} filters by
 * the field of that name in each event, as {@code entityId} does; {@code account} is its older name
 * and still works. {@code from} and {@code to} are days in the reader's zone, both included. Any other
 * parameter is a 400 naming it ({@code KnownParametersOnly} on the page, as on every API read).
 */
record AuditParams(
        String entityType,
        Long entityId,
        Long accountId,
        Long account,
        String actor,
        String action,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    /** The account filtered by, under either name (public: the page's form shows it). */
    public Long accountFilter() {
        return accountId != null ? accountId : account;
    }

    /**
     * @param zone the reader's: {@code from} and {@code to} are their days, as the page prints times
     * @param accounts checks that the account filter names an account, as every list's filter by id
     * @throws BadRequestException (field {@code to}) when the range ends before it starts; (field
     *     {@code account}) when both names of the account filter are given with different accounts;
     *     (the name given) "no account N" when no account has the id
     */
    AuditFilter toFilter(ZoneId zone, AccountIds accounts) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new BadRequestException("to", "must not be before from");
        }
        if (accountId != null && account != null && !Objects.equals(accountId, account)) {
            throw new BadRequestException("account", "names another account than accountId: give one of them");
        }
        accounts.requireExists(accountFilter(), accountId != null ? "accountId" : "account");
        return new AuditFilter(
                entityType,
                entityId,
                accountFilter(),
                actor,
                action,
                from == null ? null : Dates.startOf(from, zone),
                to == null ? null : Dates.endOf(to, zone));
    }
}
