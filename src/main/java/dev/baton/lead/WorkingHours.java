package dev.baton.lead;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A working week (days, and the same opening hours each day, in local time) applied in a person's
 * time zone: SLAs such as "touched within 24 hours" count only these hours. Days and hours are
 * taken in the zone given, so a rep in New York and one in Berlin each get their own 9 to 5, and a
 * daylight-saving change moves the instants, never the local hours.
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    /** Far enough for any SLA of up to a year on a one-day week, short enough to stop a bad setting. */
    private static final int MAX_DAYS = 3 * 366;

    /**
     * The instant at which {@code work} of working time has passed since {@code from}.
     *
     * @param from any instant (outside working hours, counting starts at the next opening)
     * @param work working time, zero or more
     * @param zone the zone whose local days and hours count (the owner's)
     * @return {@code from} itself for zero work within working hours, else an instant within working hours
     */
    public Instant add(Instant from, Duration work, ZoneId zone) {
        Duration remaining = work;
        Instant cursor = from;
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.atZone(zone).toLocalDate();
            if (days.contains(day.getDayOfWeek())) {
                Instant open = ZonedDateTime.of(day, opens, zone).toInstant();
                Instant close = ZonedDateTime.of(day, closes, zone).toInstant();
                Instant start = cursor.isAfter(open) ? cursor : open;
                if (start.isBefore(close)) {
                    Duration available = Duration.between(start, close);
                    if (remaining.compareTo(available) <= 0) {
                        return start.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        throw new IllegalStateException(
                "no working hours within " + MAX_DAYS + " days: check baton.leads.working-days");
    }
}
