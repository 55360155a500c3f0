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

    /**
     * How far ahead {@link #add} looks: short enough to stop a bad setting. The longest working time it
     * places is {@link #longestWork}, which follows from it; an SLA is checked against that, not this.
     */
    private static final int MAX_DAYS = 3 * 366;

    /**
     * The most working time {@link #add} places from any instant, in any zone: the working hours of the
     * whole weeks its horizon ({@value #MAX_DAYS} days) holds after the day it starts on, less one
     * week kept for the hours a daylight-saving change takes from a day (6,200 hours for 9 to 5 on
     * five days a week). Anything longer may end in {@code add}'s IllegalStateException.
     */
    public Duration longestWork() {
        return Duration.between(opens, closes).multipliedBy(longestWorkWeeks() * days.size());
    }

    /**
     * {@link #longestWork} in words, e.g. "6,200 working hours (155 weeks of 5 working days of 8 hours)".
     */
    public String longestWorkInWords() {
        return hours(longestWork()) + " working hours (" + longestWorkWeeks() + " weeks of " + days.size()
                + " working day" + (days.size() == 1 ? "" : "s") + " of " + hours(Duration.between(opens, closes))
                + " hours)";
    }

    private static long longestWorkWeeks() {
        return (MAX_DAYS - 1) / 7 - 1;
    }

    /** Whole hours with thousands separators, and the minutes when there are some: "6,200", "5,812:30". */
    private static String hours(Duration d) {
        long minutes = d.toMinutesPart();
        return String.format(java.util.Locale.ROOT, "%,d", d.toHours())
                + (minutes == 0 ? "" : String.format(java.util.Locale.ROOT, ":%02d", minutes));
    }

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
