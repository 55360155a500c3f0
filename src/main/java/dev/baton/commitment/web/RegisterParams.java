package dev.baton.commitment.web;

import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentStatus;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The register's query parameters, shared by the page, the list, the counts and the export. */
record RegisterParams(
    CommitmentStatus status, Long owner, Long team, Long account, Boolean overdue, Boolean unowned, Boolean rejected,
    @DateTimeFormat(iso = ISO.DATE) LocalDate dueFrom, @DateTimeFormat(iso = ISO.DATE) LocalDate dueTo) {

  CommitmentFilter toFilter() {
    return new CommitmentFilter(status, owner, team, account, Boolean.TRUE.equals(overdue), Boolean.TRUE.equals(unowned),
        Boolean.TRUE.equals(rejected), dueFrom, dueTo);
  }
}
