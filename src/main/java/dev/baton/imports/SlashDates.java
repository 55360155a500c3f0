package dev.baton.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which way round a file writes its slash dates. 01/03/2027 is 3 January in the US and 1 March in most
 * of the world, and an export writes every date the one way its user's settings say: so a file with a
 * slash date whose first part is over 12 somewhere (25/03/2027) writes them day first, one whose second
 * part is over 12 (12/25/2027) month first. A slash date of two different parts up to 12 is read the
 * way the file writes them; when the file shows neither way, or both, it is refused rather than guessed
 * at ({@link #ambiguity}). A slash date that reads one way only (25/03/2027, 12/25/2027, 05/05/2027) is
 * read that way in any file. Found by session 35's probe: a European file's 01/03/2027 was stored as
 * 3 January.
 */
final class SlashDates {

    /** The columns Baton reads as dates or times: the ones that tell which way round a file writes dates. */
    static final List<String> FIELDS =
            List.of("renewal_date", "last_verified_at", "due_date", "occurred_at", "delivered_at");

    /** A slash date, alone or before a time. */
    private static final Pattern SLASH = Pattern.compile("((\\d{1,2})/(\\d{1,2})/(\\d{4}))(?:[ T].*)?");

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    /** The first slash date of the file read so far that can only be day first, or null. */
    private Example dayFirst;
    /** The first slash date of the file read so far that can only be month first, or null. */
    private Example monthFirst;

    /** A slash date that shows which way round a file writes them, and its row. */
    private record Example(long row, String date) {}

    /** A slash date's parts as written, and the date part of the text ({@code 01/03/2027}). */
    private record Parts(int first, int second, int year, String date) {

        /** Whether the date reads as day {@code day} of month {@code month}. */
        static boolean valid(int year, int month, int day) {
            try {
                LocalDate.of(year, month, day);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }

        boolean onlyDayFirst() {
            return first > 12 && valid(year, second, first);
        }

        boolean onlyMonthFirst() {
            return second > 12 && valid(year, first, second);
        }

        /** Both readings are dates, and different ones. */
        boolean eitherWay() {
            return first != second && first >= 1 && first <= 12 && second >= 1 && second <= 12;
        }
    }

    /** Notes which way round {@code row}'s slash dates in {@link #FIELDS} show, when they show a way. */
    void see(ImportRow row) {
        for (String field : FIELDS) {
            Parts parts = parts(row.get(field));
            if (parts == null) {
                continue;
            }
            if (dayFirst == null && parts.onlyDayFirst()) {
                dayFirst = new Example(row.number(), parts.date());
            }
            if (monthFirst == null && parts.onlyMonthFirst()) {
                monthFirst = new Example(row.number(), parts.date());
            }
        }
    }

    /**
     * Whether to read {@code text} (a value of a date column) day first: when it can only be read that
     * way, or could be read either way in a file that writes its dates day first and never month first.
     */
    boolean dayFirst(String text) {
        Parts parts = parts(text);
        if (parts == null || parts.onlyMonthFirst()) {
            return false;
        }
        return parts.onlyDayFirst() || dayFirst != null && monthFirst == null;
    }

    /**
     * Why {@code text} (a value of a date column) is no date to read: a slash date that could be read
     * either way in a file that does not show which (01/03/2027 in a file with no part over 12, or with
     * dates both ways round), said with both readings and how to write each; null for any other text.
     */
    String ambiguity(String text) {
        Parts parts = parts(text);
        if (parts == null || !parts.eitherWay() || (dayFirst == null) != (monthFirst == null)) {
            return null;
        }
        LocalDate monthFirstReading = LocalDate.of(parts.year(), parts.first(), parts.second());
        LocalDate dayFirstReading = LocalDate.of(parts.year(), parts.second(), parts.first());
        String why = dayFirst == null
                ? "no other date in the file has a part over 12 to tell which way round the file writes them"
                : "the file has dates both ways round (" + dayFirst.date() + " in row " + dayFirst.row() + ", "
                        + monthFirst.date() + " in row " + monthFirst.row() + ")";
        return parts.date() + " could be " + SPOKEN.format(monthFirstReading) + " or "
                + SPOKEN.format(dayFirstReading) + " " + parts.year() + ", and " + why + ": write it as "
                + monthFirstReading + " or " + dayFirstReading;
    }

    private static Parts parts(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SLASH.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        return new Parts(
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(1));
    }
}
