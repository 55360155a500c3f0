package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * How an import reads a time without a zone: in the company's zone, where the CRM that exported it
 * kept its times (found by a probe: a commitment's {@code delivered_at} of 2026-11-24 23:30 was stored as
 * 23:30 UTC, for a company in Los Angeles the next afternoon's delivery).
 */
class ValuesTests {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void aTimeWithoutAZoneIsReadInTheGivenZoneAndOneWithAZoneAsWritten() {
        assertThat(Values.instant("2026-11-24 23:30", false, LOS_ANGELES))
                .isEqualTo(Instant.parse("2026-11-25T07:30:00Z"));
        assertThat(Values.instant("11/24/2026 11:30 PM", false, LOS_ANGELES))
                .isEqualTo(Instant.parse("2026-11-25T07:30:00Z"));
        assertThat(Values.instant("2026-11-24", false, LOS_ANGELES)).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(Values.instant("2026-11-24T23:30:00Z", false, LOS_ANGELES))
                .isEqualTo(Instant.parse("2026-11-24T23:30:00Z"));
        assertThat(Values.instant("2026-11-24T23:30:00+01:00", false, LOS_ANGELES))
                .isEqualTo(Instant.parse("2026-11-24T22:30:00Z"));
    }

    @Test
    void aDateWrittenWithATimeKeepsTheDayAsWritten() {
        assertThat(Values.date("2026-11-24 23:30", false)).isEqualTo(java.time.LocalDate.of(2026, 11, 24));
    }
}
