package dev.baton.lead;

import dev.baton.shared.Text;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code baton.leads.*}: how fast a new lead must be touched, counted in the owner's working hours.
 *
 * @param firstTouch the first-touch SLA per lead source (e.g. {@code webinar: PT4H}; a key matches the source in
 *     the form {@link #sourceKey} gives, so {@code demo-request} is also "Demo Request") and
 *     under {@code default} for every other source; ISO-8601 durations of working time, from a minute
 *     to what the working week can place ({@link #firstTouchSla}). Another value stops start-up with a
 *     message naming the setting.
 * @param remindBefore working time before the SLA at which the owner is reminded (at half the SLA when
 *     the SLA is shorter)
 * @param reassignAfter working time after the SLA at which an untouched lead goes to the next rep
 * @param workingDays the days people work, e.g. {@code MONDAY,TUESDAY,...}
 * @param workdayStarts local time in the owner's zone, e.g. 09:00
 * @param workdayEnds local time in the owner's zone, after {@code workdayStarts}, e.g. 17:00; {@link
 *     LocalTime#MAX} (written {@code "24:00"} in the configuration, or {@code "23:59:59.999999999"}) is the end of
 *     the day: the working day runs to midnight
 * @param salesTeams keys of the teams whose active reps work leads: they alone take leads, by territory or in turn
 */
@ConfigurationProperties("baton.leads")
public record LeadSettings(
        Map<String, String> firstTouch,
        Duration remindBefore,
        Duration reassignAfter,
        Set<DayOfWeek> workingDays,
        LocalTime workdayStarts,
        LocalTime workdayEnds,
        List<String> salesTeams) {

    static final String DEFAULT_SOURCE = "default";

    /**
     * The settings as the configuration writes them: the working day's bounds as text, so that {@code workday-ends}
     * may say {@code "24:00"}, the end of the day, which a {@link LocalTime} cannot hold (it becomes {@link
     * LocalTime#MAX}, as {@link WorkingHours} counts it: to midnight). Until session 39 a 24-hour day had to be
     * written {@code "23:59:59.999999999"}, which still works.
     *
     * @throws IllegalArgumentException naming the setting and the value when a bound is not a time of day
     *     ({@code 25:00}, {@code 17:60}, {@code five}): start-up stops with it
     */
    @ConstructorBinding
    LeadSettings(
            Map<String, String> firstTouch,
            Duration remindBefore,
            Duration reassignAfter,
            Set<DayOfWeek> workingDays,
            String workdayStarts,
            String workdayEnds,
            List<String> salesTeams) {
        this(
                firstTouch,
                remindBefore,
                reassignAfter,
                workingDays,
                time(workdayStarts, "baton.leads.workday-starts", false),
                time(workdayEnds, "baton.leads.workday-ends", true),
                salesTeams);
    }

    public LeadSettings {
        Map<String, String> slas = new TreeMap<>();
        (firstTouch == null ? Map.<String, String>of() : firstTouch).forEach((source, sla) -> {
            if (slas.put(sourceKey(source), sla) != null) {
                throw new IllegalArgumentException("baton.leads.first-touch names the lead source " + sourceKey(source)
                        + " twice (spelled differently): keep one of them");
            }
        });
        slas.putIfAbsent(DEFAULT_SOURCE, "PT24H");
        firstTouch = Map.copyOf(slas);
        remindBefore = remindBefore == null ? Duration.ofHours(2) : remindBefore;
        reassignAfter = reassignAfter == null ? Duration.ofHours(8) : reassignAfter;
        workingDays = workingDays == null || workingDays.isEmpty()
                ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                : EnumSet.copyOf(workingDays);
        workdayStarts = workdayStarts == null ? LocalTime.of(9, 0) : workdayStarts;
        workdayEnds = workdayEnds == null ? LocalTime.of(17, 0) : workdayEnds;
        if (!workdayEnds.isAfter(workdayStarts)) {
            throw new IllegalArgumentException("baton.leads.workday-ends (" + workdayEnds
                    + ") must be after baton.leads.workday-starts (" + workdayStarts + ")");
        }
        if (remindBefore.isNegative() || reassignAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "baton.leads.remind-before and baton.leads.reassign-after must not be negative");
        }
        WorkingHours hours = new WorkingHours(workingDays, workdayStarts, workdayEnds);
        slas.forEach((source, sla) -> sla(sla, "baton.leads.first-touch." + source, hours));
        if (reassignAfter.compareTo(hours.longestWork()) > 0) {
            throw new IllegalArgumentException("baton.leads.reassign-after (" + reassignAfter
                    + ") is longer than the working week can place: at most " + hours.longestWorkInWords());
        }
        salesTeams = salesTeams == null ? List.of("sales-emea", "sales-na") : List.copyOf(salesTeams);
    }

    /**
     * The first-touch SLA of leads from {@code source}, matched by {@link #sourceKey}; the default one for other
     * sources (and for none).
     */
    public Duration firstTouchFor(String source) {
        String sla = source == null ? null : firstTouch.get(sourceKey(source));
        return firstTouchSla(sla == null ? firstTouch.get(DEFAULT_SOURCE) : sla, "baton.leads.first-touch");
    }

    /** The form in which a lead source is compared: {@link Text#key} ("Demo Request" is {@code demo-request}). */
    static String sourceKey(String source) {
        return Text.key(source);
    }

    /** The working week these settings describe. */
    public WorkingHours workingHours() {
        return new WorkingHours(workingDays, workdayStarts, workdayEnds);
    }

    /**
     * A bound of the working day as written, e.g. {@code 09:00} or {@code 17:30}; null (not set) stays null, for
     * the default.
     *
     * @param endOfDay whether {@code 24:00} may say the end of the day ({@link LocalTime#MAX})
     * @throws IllegalArgumentException naming {@code name} and the value when it is not a time of day
     */
    static LocalTime time(String text, String name, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        String time = text.strip();
        if (endOfDay && (time.equals("24:00") || time.equals("24:00:00"))) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a time of day: write hours and minutes"
                    + " from 00:00 to 23:59, e.g. \"17:00\""
                    + (endOfDay ? ", or \"24:00\" for the end of the day" : ""));
        }
    }

    /** The shortest first-touch SLA: anything shorter is a slip (PT0.5S, PT1S), no SLA a person can meet. */
    static final Duration SHORTEST_SLA = Duration.ofMinutes(1);

    /**
     * A first-touch SLA as written by a person: an ISO-8601 duration (e.g. {@code PT24H}, {@code P2D}) of
     * at least a minute ({@link #SHORTEST_SLA}) and at most what the working week places ({@link
     * WorkingHours#longestWork}: the SLA counts the owner's working hours, and the assignment computes its
     * due time with {@link WorkingHours#add}, so a longer one would leave the lead unassigned).
     *
     * @param name the setting or field, for the message
     * @throws IllegalArgumentException naming {@code name} when it is not one, giving the limits in words
     */
    public Duration firstTouchSla(String text, String name) {
        return sla(text, name, workingHours());
    }

    private static Duration sla(String text, String name, WorkingHours hours) {
        Duration sla;
        try {
            sla = Duration.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + ": '" + text + "' is not a duration: write it in ISO-8601, e.g. PT24H or PT30M");
        }
        if (sla.compareTo(SHORTEST_SLA) < 0) {
            throw new IllegalArgumentException(name + ": '" + text + "' must be at least a minute (PT1M)");
        }
        if (sla.compareTo(hours.longestWork()) > 0) {
            throw new IllegalArgumentException(name + ": '" + text + "' is longer than the working week can place:"
                    + " it counts working hours, at most " + hours.longestWorkInWords());
        }
        return sla;
    }
}
