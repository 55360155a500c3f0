package dev.baton.shared;

import java.time.LocalDate;

/**
 * How far ahead a business date may fall: {@value #YEARS_AHEAD} years from today, as {@link SaneDate}
 * checks request fields (a handover's effective date, an account's renewal date). Further out is a
 * typing mistake ("2199-12-31"), and the engine's timers must fit its arithmetic. For dates that a
 * service checks itself, against the day it is for the person concerned (a renewal decision, a
 * step's answer).
 */
public final class DateLimits {

    /** {@link SaneDate}'s default: the one number. */
    public static final int YEARS_AHEAD = 50;

    private DateLimits() {}

    /** The last day allowed: {@value #YEARS_AHEAD} years after {@code today}. */
    public static LocalDate latest(LocalDate today) {
        return today.plusYears(YEARS_AHEAD);
    }

    /**
     * @param date may be null (nothing to check)
     * @param today the day it is for the person the date is about (their zone)
     * @throws BadRequestException naming {@code field} when {@code date} is after {@link #latest}
     */
    public static void requireNotFarAhead(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(latest(today))) {
            throw new BadRequestException(
                    field, "must be at most " + YEARS_AHEAD + " years from today: " + latest(today) + " at the latest");
        }
    }

    /**
     * A day that has not passed and is not far ahead: today or later, up to {@link #latest}.
     *
     * @param date may be null (nothing to check)
     * @param today the day it is for the person the date is about (their zone)
     * @throws BadRequestException naming {@code field} when {@code date} is before {@code today} ("is in
     *     the past (today is ...)") or after {@link #latest}
     */
    public static void requireTodayOrLater(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isBefore(today)) {
            throw new BadRequestException(field, "is in the past (today is " + today + ")");
        }
        requireNotFarAhead(field, date, today);
    }
}
