package dev.baton.people;

import java.time.LocalDate;

/** An absence as the API and the pages show it. */
public record AbsenceView(
        long id,
        String username,
        String fullName,
        String delegate,
        String delegateName,
        LocalDate startsOn,
        LocalDate endsOn,
        String note) {

    static AbsenceView of(Absence a) {
        return new AbsenceView(
                a.getId(),
                a.getPerson().getUsername(),
                a.getPerson().getFullName(),
                a.getDelegate().getUsername(),
                a.getDelegate().getFullName(),
                a.getStartsOn(),
                a.getEndsOn(),
                a.getNote());
    }
}
