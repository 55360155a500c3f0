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

/**
 * {@code baton.leads.*}: how fast a new lead must be touched, counted in the owner's working hours.
 *
 * @param firstTouch the first-touch SLA per lead source (e.g. {@code webinar: PT4H}; a key matches the source in
 *     the form {@link #sourceKey} gives, so {@code demo-request} is also "Demo Request") and
 *     under {@code default} for every other source; ISO-8601 durations of working time. A value that
 *     is not a duration stops start-up with a message naming the setting.
 * @param remindBefore working time before the SLA at which the owner is reminded (at half the SLA when
 *     the SLA is shorter)
 * @param reassignAfter working time after the SLA at which an untouched lead goes to the next rep
 * @param workingDays the days people work, e.g. {@code MONDAY,TUESDAY,...}
 * @param workdayStarts local time in the owner's zone, e.g. 09:00
 * @param workdayEnds local time in the owner's zone, after {@code workdayStarts}, e.g. 17:00
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

    public LeadSettings {
        Map<String, String> slas = new TreeMap<>();
        (firstTouch == null ? Map.<String, String>of() : firstTouch).forEach((source, sla) -> {
            if (slas.put(sourceKey(source), sla) != null) {
                throw new IllegalArgumentException("baton.leads.first-touch names the lead source " + sourceKey(source)
                        + " twice (spelled differently): keep one of them");
            }
        });
        slas.putIfAbsent(DEFAULT_SOURCE, "PT24H");
        slas.forEach((source, sla) -> duration(sla, "baton.leads.first-touch." + source));
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
        salesTeams = salesTeams == null ? List.of("sales-emea", "sales-na") : List.copyOf(salesTeams);
    }

    /**
     * The first-touch SLA of leads from {@code source}, matched by {@link #sourceKey}; the default one for other
     * sources (and for none).
     */
    public Duration firstTouchFor(String source) {
        String sla = source == null ? null : firstTouch.get(sourceKey(source));
        return duration(sla == null ? firstTouch.get(DEFAULT_SOURCE) : sla, "baton.leads.first-touch");
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
     * An SLA as written by a person: an ISO-8601 duration longer than zero (e.g. {@code PT24H}, {@code P2D}).
     *
     * @param name the setting or field, for the message
     * @throws IllegalArgumentException naming {@code name} when it is not one
     */
    public static Duration duration(String text, String name) {
        Duration sla;
        try {
            sla = Duration.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + ": '" + text + "' is not a duration: write it in ISO-8601, e.g. PT24H or PT30M");
        }
        if (sla.isZero() || sla.isNegative() || sla.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException(name + ": '" + text + "' must be longer than zero and at most a year");
        }
        return sla;
    }
}
