package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dates on earth at an instant, as the register's "overdue" judges them in SQL. */
class DaysOnEarthTests {

    static final LocalDate DAY = LocalDate.of(2026, 3, 29); // Europe goes to summer time at 01:00 UTC

    /** For every zone the JDK knows and every due date around: past due exactly where the zone's today is later. */
    @ParameterizedTest
    @ValueSource(strings = {"00:00", "00:59", "01:00", "09:59", "10:00", "11:15", "11:59", "12:00", "13:45", "23:59"})
    void aRowIsPastDueExactlyWhereItsZonesTodayIsLater(String utc) {
        Instant at = DAY.atTime(java.time.LocalTime.parse(utc)).toInstant(ZoneOffset.UTC);
        DaysOnEarth days = DaysOnEarth.at(at, ZoneId.of("Europe/Berlin"));

        assertThat(days.days()).hasSizeBetween(2, 3);
        for (String zone : ZoneId.getAvailableZoneIds()) {
            LocalDate today = LocalDate.ofInstant(at, ZoneId.of(zone));
            for (LocalDate due = days.first().minusDays(1);
                    !due.isAfter(days.last().plusDays(1));
                    due = due.plusDays(1)) {
                assertThat(days.isPastDue(due, zone))
                        .as("%s due %s at %s", zone, due, utc)
                        .isEqualTo(due.isBefore(today));
            }
        }
        assertThat(days.isPastDue(days.first(), null))
                .as("no zone: the company's")
                .isEqualTo(days.first().isBefore(LocalDate.ofInstant(at, ZoneId.of("Europe/Berlin"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10:00", "11:59"})
    void threeDatesForTwoHoursADay(String utc) {
        DaysOnEarth days =
                DaysOnEarth.at(DAY.atTime(java.time.LocalTime.parse(utc)).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

        assertThat(days.days()).containsExactly(DAY.minusDays(1), DAY, DAY.plusDays(1));
    }

    /** Kept until the next local midnight anywhere: the dates hold until then, and change there. */
    @ParameterizedTest
    @ValueSource(strings = {"00:00", "11:15", "12:00", "23:59"})
    void theDatesHoldUntilSomeZonesMidnight(String utc) {
        Instant at = DAY.atTime(java.time.LocalTime.parse(utc)).toInstant(ZoneOffset.UTC);
        DaysOnEarth days = DaysOnEarth.at(at, ZoneOffset.UTC);
        DaysOnEarth justBefore = DaysOnEarth.at(days.until().minusNanos(1), ZoneOffset.UTC);
        DaysOnEarth then = DaysOnEarth.at(days.until(), ZoneOffset.UTC);

        assertThat(days.until()).isAfter(at);
        assertThat(justBefore.splits()).isEqualTo(days.splits());
        assertThat(then.splits()).isNotEqualTo(days.splits());
    }

    @org.junit.jupiter.api.Test
    void aCompanyZoneThatIsNoRegionIsJudgedToo() {
        Instant noon = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
        DaysOnEarth days = DaysOnEarth.at(noon, ZoneOffset.UTC); // "Z": a clock's zone, not an IANA region

        assertThat(days.isPastDue(DAY.minusDays(1), null)).isTrue();
        assertThat(days.isPastDue(DAY, null)).isFalse();
        assertThat(days.isPastDue(DAY, "Pacific/Kiritimati")).isTrue();
    }
}
