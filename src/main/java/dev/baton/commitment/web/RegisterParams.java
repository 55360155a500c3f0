package dev.baton.commitment.web;

import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.shared.SaneDate;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The register's query parameters, shared by the page, the list, the counts and the export. The due
 * window is a filter, so it takes a wider range than stored due dates; beyond it PostgreSQL fails.
 * {@code open=true}: only commitments still owed.
 */
record RegisterParams(
        CommitmentStatus status,
        Long owner,
        Long team,
        Long account,
        Boolean overdue,
        Boolean unowned,
        Boolean rejected,

        @DateTimeFormat(iso = ISO.DATE) @SaneDate(notBefore = "1900-01-01", yearsAhead = 200)
        LocalDate dueFrom,

        @DateTimeFormat(iso = ISO.DATE) @SaneDate(notBefore = "1900-01-01", yearsAhead = 200)
        LocalDate dueTo,

        Boolean open) {

    /** The register page's first view: open commitments only. */
    static RegisterParams openOnly() {
        return new RegisterParams(null, null, null, null, null, null, null, null, null, true);
    }

    /** Only the scope the register's counts keep: owner, team, account and due window. */
    RegisterParams scope() {
        return new RegisterParams(null, owner, team, account, null, null, null, dueFrom, dueTo, null);
    }

    /**
     * These parameters as a query string (encoded, no {@code ?}), null when there are none: what the
     * page shows, including the first view's open-only default, so its export and page links
     * ask for the same rows. A flag goes in only when set, as a ticked box sends it.
     */
    String query() {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        add(query, "status", status);
        add(query, "owner", owner);
        add(query, "team", team);
        add(query, "account", account);
        add(query, "overdue", Boolean.TRUE.equals(overdue) ? true : null);
        add(query, "unowned", Boolean.TRUE.equals(unowned) ? true : null);
        add(query, "rejected", Boolean.TRUE.equals(rejected) ? true : null);
        add(query, "dueFrom", dueFrom);
        add(query, "dueTo", dueTo);
        add(query, "open", Boolean.TRUE.equals(open) ? true : null);
        return query.encode().build().getQuery();
    }

    private static void add(UriComponentsBuilder query, String name, Object value) {
        if (value != null) {
            query.queryParam(name, value);
        }
    }

    CommitmentFilter toFilter() {
        return new CommitmentFilter(
                status,
                owner,
                team,
                account,
                Boolean.TRUE.equals(overdue),
                Boolean.TRUE.equals(unowned),
                Boolean.TRUE.equals(rejected),
                dueFrom,
                dueTo,
                Boolean.TRUE.equals(open));
    }
}
