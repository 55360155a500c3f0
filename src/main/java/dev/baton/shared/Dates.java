package dev.baton.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one way Baton writes dates and times, in pages ({@code ${@dates.day(c.dueDate())}}) and mails
 * (the model's {@code dates}, bound to the recipient's zone: see {@code MailComposer}): a day as
 * "Fri 4 Dec 2026", a time as "Fri 4 Dec 2026, 14:30 CET" in the reader's zone with the zone's name,
 * and relative words where they help ("due Fri 4 Dec 2026 · in 4 days"). Instants are shown in the
 * reader's zone; a {@link LocalDate} is a calendar day and shown as it is. Null gives "".
 *
 * <p>Also the day arithmetic every module shares ({@link #endOf}, {@link #today}, {@link #at}): days
 * are judged in the zone of the person concerned, and a region zone keeps the same local hour across
 * daylight-saving changes.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ENGLISH);

    private final Clock clock;
    /** Null for the page's reader (asked per call); set for a mail's recipient. */
    private final ZoneId zone;

    private final ObjectProvider<ReaderZone> reader;

    @Autowired
    Dates(Clock clock, ObjectProvider<ReaderZone> reader) {
        this(clock, null, reader);
    }

    private Dates(Clock clock, ZoneId zone, ObjectProvider<ReaderZone> reader) {
        this.clock = clock;
        this.zone = zone;
        this.reader = reader;
    }

    /** For tests and callers outside Spring: dates for a reader in {@code zone}. */
    public static Dates fixed(Clock clock, ZoneId zone) {
        return new Dates(clock, zone, null);
    }

    /** The same formats for a reader in {@code zone} (a mail's recipient). */
    public Dates in(ZoneId zone) {
        return new Dates(clock, zone, reader);
    }

    /** The reader's zone. */
    public ZoneId zone() {
        if (zone != null) {
            return zone;
        }
        ReaderZone current = reader == null ? null : reader.getIfAvailable();
        return current == null ? clock.getZone() : current.current();
    }

    /** The reader's zone by name, e.g. "Central European Time (Europe/Berlin)". */
    public String zoneName() {
        ZoneId z = zone();
        return z.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " (" + z.getId() + ")";
    }

    /** "Fri 4 Dec 2026": a calendar day as it is, an instant as the reader's day. */
    public String day(Object when) {
        LocalDate d = localDay(when);
        return d == null ? "" : calendarDay(d);
    }

    /** "Fri 4 Dec 2026": a calendar day as every page and message writes one, for code with no reader at hand. */
    public static String calendarDay(LocalDate day) {
        return DAY.format(day);
    }

    /**
     * "Fri 4 Dec 2026, 14:30 CET" in the reader's zone; a calendar day alone gives {@link #day}. An
     * instant at the reader's midnight is a deadline at the end of a due day ({@link #endOf}) and reads
     * as that day: "Thu 3 Dec 2026, end of day CET". "Fri 4 Dec, 00:00" reads a day late, and "Thu 3
     * Dec, 24:00" was read as a typing error by a probe on the handover page.
     */
    public String time(Object when) {
        if (when instanceof LocalDate) {
            return day(when);
        }
        ZonedDateTime t = zoned(when);
        if (t == null) {
            return "";
        }
        return atMidnight(t)
                ? DAY.format(t.toLocalDate().minusDays(1)) + ", end of day " + ZONE.format(t)
                : TIME.format(t);
    }

    /**
     * "14:30:05 CET": the time of day in the reader's zone, to the second, for a moment just now (a
     * draft's autosave answers with it: it said "04:54:06 UTC" to a reader in Berlin, session 40).
     * Null gives "".
     */
    public String timeOfDay(Object when) {
        ZonedDateTime t = zoned(when);
        return t == null ? "" : TIME_OF_DAY.format(t);
    }

    private static boolean atMidnight(ZonedDateTime t) {
        return t.toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    /** "today", "tomorrow", "in 4 days", "yesterday", "3 days ago", from the reader's today. */
    public String relative(Object when) {
        LocalDate d = localDay(when);
        if (d == null) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(today(zone()), d);
        if (days == 0) {
            return "today";
        }
        if (days == 1) {
            return "tomorrow";
        }
        if (days == -1) {
            return "yesterday";
        }
        return days > 0 ? "in " + days + " days" : -days + " days ago";
    }

    /** "Fri 4 Dec 2026 · in 4 days". */
    public String dayAndRelative(Object when) {
        String day = day(when);
        return day.isEmpty() ? "" : day + " · " + relative(when);
    }

    /** Today in {@code zone}. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The first instant after {@code day} in {@code zone}: the end of that day there (23 or 25 hours on a change). */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant of {@code day} in {@code zone}. */
    public static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** {@code time} on {@code day} in {@code zone}, the same local hour whatever the offset that day. */
    public static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    private LocalDate localDay(Object when) {
        if (when instanceof LocalDate d) {
            return d;
        }
        ZonedDateTime t = zoned(when);
        // a deadline at midnight is the end of the day before: its due day
        return t == null ? null : atMidnight(t) ? t.toLocalDate().minusDays(1) : t.toLocalDate();
    }

    private ZonedDateTime zoned(Object when) {
        return switch (when) {
            case null -> null;
            case Instant i -> i.atZone(zone());
            case ZonedDateTime z -> z.withZoneSameInstant(zone());
            case OffsetDateTime o -> o.atZoneSameInstant(zone());
            case LocalDateTime l -> l.atZone(zone());
            default ->
                throw new IllegalArgumentException(
                        "not a date or time: " + when.getClass().getName());
        };
    }
}
