package dev.baton.commitment.web;

import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.shared.SaneDate;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

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
