package dev.baton.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing of the values CRM exports hold: dates in their usual shapes, yes or no, e-mail addresses, Salesforce ids. */
final class Values {

    /**
     * The date shapes Baton reads, as errors list them. A slash date is read either way round, as the file
     * writes them ({@link SlashDates}): one that could be read both ways in a file that does not tell is
     * refused, not listed here.
     */
    static final String DATE_FORMATS = "2025-12-31, 31.12.2025, 12/31/2025 or 31/12/2025";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern SALESFORCE_ID = Pattern.compile("^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$");
    private static final List<DateTimeFormatter> MONTH_FIRST_DATES = dates("M/d/uuuu");
    private static final List<DateTimeFormatter> DAY_FIRST_DATES = dates("d/M/uuuu");
    private static final List<DateTimeFormatter> MONTH_FIRST_DATE_TIMES = dateTimes("M/d/uuuu");
    private static final List<DateTimeFormatter> DAY_FIRST_DATE_TIMES = dateTimes("d/M/uuuu");

    private Values() {}

    private static List<DateTimeFormatter> dates(String slash) {
        return List.of(
                DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ofPattern(slash),
                DateTimeFormatter.ofPattern("d.M.uuuu"));
    }

    private static List<DateTimeFormatter> dateTimes(String slash) {
        return List.of(
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME,
                DateTimeFormatter.ofPattern(slash + " h:mm a", Locale.US),
                DateTimeFormatter.ofPattern(slash + " H:mm"),
                DateTimeFormatter.ofPattern("d.M.uuuu H:mm"));
    }

    /**
     * A date, or the date of a date and time, its slash date (if any) read day first when {@code dayFirst}
     * (as {@link SlashDates#dayFirst} says); null when it is none of the shapes in {@link #DATE_FORMATS}.
     */
    static LocalDate date(String text, boolean dayFirst) {
        for (DateTimeFormatter f : dayFirst ? DAY_FIRST_DATES : MONTH_FIRST_DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // the next shape
            }
        }
        Instant instant = instant(text, dayFirst);
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** As {@link #instant(String, boolean, ZoneId)} in UTC: for {@link #date}, which keeps the day as written. */
    static Instant instant(String text, boolean dayFirst) {
        return instant(text, dayFirst, ZoneOffset.UTC);
    }

    /**
     * A point in time, its slash date (if any) read day first when {@code dayFirst}; a time without a
     * zone is read in {@code zone}, a date alone as its start there. Null if unreadable.
     */
    static Instant instant(String text, boolean dayFirst, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // not ISO with an offset
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException ignored) {
            // not ISO in UTC
        }
        for (DateTimeFormatter f : dayFirst ? DAY_FIRST_DATE_TIMES : MONTH_FIRST_DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, f).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // the next shape
            }
        }
        for (DateTimeFormatter f : dayFirst ? DAY_FIRST_DATES : MONTH_FIRST_DATES) {
            try {
                return LocalDate.parse(text, f).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // the next shape
            }
        }
        return null;
    }

    static final String BOOLEANS = "true, false, yes, no, 1 or 0";

    /**
     * A yes or no as exports write it: true/false (Salesforce), yes/no, 1/0 (Data Loader, spreadsheets),
     * in any case; null for anything else, which a row must refuse rather than guess at.
     */
    static Boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    static boolean email(String text) {
        return text.length() <= 254 && EMAIL.matcher(text).matches();
    }

    static boolean salesforceId(String text) {
        return SALESFORCE_ID.matcher(text).matches();
    }

    /**
     * A Salesforce id in its 18-character form. Report exports show the 15-character, case-sensitive
     * id, Data Loader the 18-character one: the three extra characters encode the case of the first 15,
     * so both name one record.
     */
    static String salesforce18(String id) {
        if (id.length() != 15) {
            return id;
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        StringBuilder suffix = new StringBuilder(3);
        for (int block = 0; block < 3; block++) {
            int flags = 0;
            for (int i = 0; i < 5; i++) {
                char c = id.charAt(block * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << i;
                }
            }
            suffix.append(alphabet.charAt(flags));
        }
        return id + suffix;
    }
}
