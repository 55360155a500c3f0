package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which way round a file's slash dates are read (found by session 35's probe: 01/03/2027 was always 3 January). */
class SlashDatesTests {

    @Test
    void aDateThatCouldBeEitherIsReadAsTheFileWritesItsDatesAndItsTimesToo() {
        SlashDates dayFirst = file("25/03/2027", "01/03/2027");
        SlashDates monthFirst = file("01/03/2027 9:14 AM", "12/25/2027 9:14 AM");

        assertThat(dayFirst.ambiguity("01/03/2027")).isNull();
        assertThat(Values.date("01/03/2027", dayFirst.dayFirst("01/03/2027"))).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(Values.instant("01/03/2027 14:30", dayFirst.dayFirst("01/03/2027 14:30")))
                .isEqualTo(Instant.parse("2027-03-01T14:30:00Z"));
        assertThat(monthFirst.ambiguity("01/03/2027 9:14 AM")).isNull();
        assertThat(Values.instant("01/03/2027 9:14 AM", monthFirst.dayFirst("01/03/2027 9:14 AM")))
                .isEqualTo(Instant.parse("2027-01-03T09:14:00Z"));
    }

    @Test
    void aDateThatReadsOneWayOnlyIsReadThatWayInAnyFile() {
        SlashDates untold = file("01/03/2027");
        SlashDates dayFirst = file("25/03/2027");

        assertThat(untold.ambiguity("05/05/2027")).isNull();
        assertThat(Values.date("05/05/2027", untold.dayFirst("05/05/2027"))).isEqualTo(LocalDate.of(2027, 5, 5));
        assertThat(untold.ambiguity("25/03/2027")).isNull();
        assertThat(Values.date("25/03/2027", untold.dayFirst("25/03/2027"))).isEqualTo(LocalDate.of(2027, 3, 25));
        assertThat(Values.date("12/25/2027", dayFirst.dayFirst("12/25/2027"))).isEqualTo(LocalDate.of(2027, 12, 25));
        assertThat(Values.date("2027-03-01", dayFirst.dayFirst("2027-03-01"))).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(Values.date("01.03.2027", false)).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void aDateThatCouldBeEitherIsRefusedWhenNoOtherDateTellsOrTheyTellBothWays() {
        SlashDates untold = file("01/03/2027", "31/02/2027"); // 31 February tells nothing: it is no date
        SlashDates both = file("25/03/2027", "12/25/2027");

        assertThat(untold.ambiguity("01/03/2027 9:14 AM"))
                .isEqualTo("01/03/2027 could be 3 January or 1 March 2027, and no other date in the file has a part"
                        + " over 12 to tell which way round the file writes them: write it as 2027-01-03 or"
                        + " 2027-03-01");
        assertThat(both.ambiguity("04/06/2027"))
                .isEqualTo("04/06/2027 could be 6 April or 4 June 2027, and the file has dates both ways round"
                        + " (25/03/2027 in row 2, 12/25/2027 in row 3): write it as 2027-04-06 or 2027-06-04");
        assertThat(both.ambiguity("25/03/2027")).isNull();
    }

    /** A file with one date per row, in a renewal_date column, as the runner sees it before reading the rows. */
    private static SlashDates file(String... renewals) {
        SlashDates dates = new SlashDates();
        for (int i = 0; i < renewals.length; i++) {
            dates.see(new ImportRow(i + 2, Map.of("renewal_date", 0), List.of("renewal_date"), List.of(renewals[i])));
        }
        return dates;
    }
}
