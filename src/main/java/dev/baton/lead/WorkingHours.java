package dev.baton.lead;

import dev.baton.shared.Text;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        return day().multipliedBy(longestWorkWeeks() * days.size());
    }

    /**
     * {@link #longestWork} in words, e.g. "6,200 working hours (155 weeks of 5 working days of 8 hours)";
     * "26,040 hours (155 weeks around the clock)" for every hour of every day, "8,680 working hours (155
     * weeks of 8 hours every day)", "5,812 working hours and 30 minutes (155 weeks of 5 working days of 7
     * hours and 30 minutes)". Found by the session 38 review: a week of 24-hour days read "26,039:59 working
     * hours (155 weeks of 7 working days of 23:59 hours)".
     */
    public String longestWorkInWords() {
        boolean wholeDays = day().equals(Duration.ofDays(1));
        boolean everyDay = days.size() == 7;
        String total = wholeDays && everyDay ? inWords(longestWork(), "hour") : inWords(longestWork(), "working hour");
        String week = wholeDays
                ? everyDay ? "around the clock" : "of " + Text.count(days.size(), "working day") + ", around the clock"
                : everyDay
                        ? "of " + inWords(day(), "hour") + " every day"
                        : "of " + Text.count(days.size(), "working day") + " of " + inWords(day(), "hour");
        return total + " (" + longestWorkWeeks() + " weeks " + week + ")";
    }

    /**
     * The working time of one day: from opening to closing; a day that closes at {@link LocalTime#MAX}
     * (23:59:59.999999999, the latest a setting can say) works to midnight, so 00:00 to it is 24 hours.
     */
    private Duration day() {
        Duration open = Duration.between(opens, closes);
        return closes.equals(LocalTime.MAX) ? open.plusNanos(1) : open;
    }

    private static long longestWorkWeeks() {
        return (MAX_DAYS - 1) / 7 - 1;
    }

    /**
     * Whole {@code unit}s with thousands separators, then the minutes and seconds there are (less than a
     * second is left out): "6,200 working hours", "7 hours and 30 minutes", "1 hour".
     */
    private static String inWords(Duration d, String unit) {
        List<String> parts = new ArrayList<>();
        if (d.toHours() > 0 || d.toSeconds() == 0) {
            parts.add(String.format(Locale.ROOT, "%,d %s%s", d.toHours(), unit, d.toHours() == 1 ? "" : "s"));
        }
        if (d.toMinutesPart() > 0) {
            parts.add(Text.count(d.toMinutesPart(), "minute"));
        }
        if (d.toSecondsPart() > 0) {
            parts.add(Text.count(d.toSecondsPart(), "second"));
        }
        return Text.listed(parts, "and");
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
                Instant close = closes.equals(LocalTime.MAX)
                        ? day.plusDays(1).atStartOfDay(zone).toInstant() // to midnight, as day() counts it
                        : ZonedDateTime.of(day, closes, zone).toInstant();
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
