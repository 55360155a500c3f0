package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Days judged where a person is, around the 2027 daylight-saving changes: Los Angeles springs forward on
 * 14 March, Berlin on 28 March, Sydney falls back on 4 April.
 */
class DatesTests {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @Test
    void aDayEndsAtLocalMidnightEvenWhenItIsShortOrLong() {
        assertThat(Dates.endOf(LocalDate.of(2027, 3, 14), LOS_ANGELES))
                .isEqualTo(Instant.parse("2027-03-15T07:00:00Z")); // PDT from 14 March
        assertThat(Dates.endOf(LocalDate.of(2027, 3, 13), LOS_ANGELES))
                .isEqualTo(Instant.parse("2027-03-14T08:00:00Z")); // still PST
        assertThat(Dates.endOf(LocalDate.of(2027, 3, 28), BERLIN)).isEqualTo(Instant.parse("2027-03-28T22:00:00Z"));
        assertThat(Duration.between(
                        Dates.startOf(LocalDate.of(2027, 3, 28), BERLIN),
                        Dates.endOf(LocalDate.of(2027, 3, 28), BERLIN)))
                .as("the day clocks go forward has 23 hours")
                .isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(
                        Dates.startOf(LocalDate.of(2027, 4, 4), SYDNEY), Dates.endOf(LocalDate.of(2027, 4, 4), SYDNEY)))
                .as("the day clocks go back has 25 hours")
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void theSameLocalHourHoldsAcrossADaylightSavingChange() {
        LocalTime nine = LocalTime.of(9, 0);
        assertThat(Dates.at(LocalDate.of(2027, 3, 27), nine, BERLIN)).isEqualTo(Instant.parse("2027-03-27T08:00:00Z"));
        assertThat(Dates.at(LocalDate.of(2027, 3, 29), nine, BERLIN)).isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
        assertThat(Dates.at(LocalDate.of(2027, 4, 3), nine, SYDNEY)).isEqualTo(Instant.parse("2027-04-02T22:00:00Z"));
        assertThat(Dates.at(LocalDate.of(2027, 4, 5), nine, SYDNEY)).isEqualTo(Instant.parse("2027-04-04T23:00:00Z"));
    }

    @Test
    void aDeadlineAtTheEndOfADueDayReadsAsThatDayNotTheNext() {
        Instant due = Dates.endOf(LocalDate.of(2027, 3, 28), BERLIN); // the day clocks go forward
        Clock clock = Clock.fixed(Instant.parse("2027-03-26T12:00:00Z"), ZoneId.of("UTC"));
        Dates berlin = Dates.fixed(clock, BERLIN);

        // a probe read "Sun 28 Mar 2027, 24:00 CEST" as a typo; "Mon 29 Mar, 00:00" would read a day late
        assertThat(berlin.time(due)).isEqualTo("Sun 28 Mar 2027, end of day CEST");
        assertThat(berlin.day(due)).isEqualTo("Sun 28 Mar 2027");
        assertThat(berlin.relative(due)).isEqualTo("in 2 days");
        // elsewhere the same deadline is an ordinary hour of the next day there
        assertThat(Dates.fixed(clock, SYDNEY).time(due)).isEqualTo("Mon 29 Mar 2027, 09:00 AEDT");
    }

    @Test
    void oneInstantIsADifferentDayForEachReader() {
        Instant instant = Instant.parse("2027-03-27T23:30:00Z");
        Clock clock = Clock.fixed(instant, ZoneId.of("UTC"));

        assertThat(Dates.fixed(clock, LOS_ANGELES).time(instant)).isEqualTo("Sat 27 Mar 2027, 16:30 PDT");
        assertThat(Dates.fixed(clock, BERLIN).time(instant)).isEqualTo("Sun 28 Mar 2027, 00:30 CET");
        assertThat(Dates.fixed(clock, SYDNEY).time(instant)).isEqualTo("Sun 28 Mar 2027, 10:30 AEDT");
        assertThat(Dates.fixed(clock, LOS_ANGELES).today(LOS_ANGELES)).isEqualTo(LocalDate.of(2027, 3, 27));
        assertThat(Dates.fixed(clock, SYDNEY).today(SYDNEY)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void writesOneDateFormatWithRelativeWordsFromTheReadersToday() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneId.of("UTC"));
        Dates dates = Dates.fixed(clock, BERLIN);

        assertThat(dates.day(LocalDate.of(2026, 12, 4))).isEqualTo("Fri 4 Dec 2026");
        assertThat(dates.dayAndRelative(LocalDate.of(2026, 12, 4))).isEqualTo("Fri 4 Dec 2026 · in 4 days");
        assertThat(dates.relative(LocalDate.of(2026, 11, 30))).isEqualTo("today");
        assertThat(dates.relative(LocalDate.of(2026, 12, 1))).isEqualTo("tomorrow");
        assertThat(dates.relative(LocalDate.of(2026, 11, 29))).isEqualTo("yesterday");
        assertThat(dates.relative(LocalDate.of(2026, 11, 27))).isEqualTo("3 days ago");
        assertThat(dates.day(null)).isEmpty();
        assertThat(dates.zoneName()).isEqualTo("Central European Time (Europe/Berlin)");
    }
}
