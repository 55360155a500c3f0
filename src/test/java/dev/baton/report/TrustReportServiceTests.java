package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.people.TimeZones;
import dev.baton.quality.QualitySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The report's days are the company's ({@code baton.company-time-zone}), not the server clock's. */
class TrustReportServiceTests {

    @Test
    void todayIsTheCompanysDayWhateverZoneTheServerClockIsIn() {
        TimeZones zones = mock(TimeZones.class);
        when(zones.company()).thenReturn(ZoneId.of("Australia/Sydney"));
        // 23:30 on 5 December on a server in UTC is already the morning of 6 December in Sydney
        Clock utc = Clock.fixed(Instant.parse("2026-12-05T23:30:00Z"), ZoneOffset.UTC);

        TrustReportService reports = new TrustReportService(
                null, null, null, null, null, null, null, new QualitySettings(Duration.ofDays(365)), zones, utc);

        assertThat(reports.today()).isEqualTo(LocalDate.of(2026, 12, 6));
    }
}
