package dev.baton.people;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dates it is somewhere on earth at one instant, for queries that judge "past its day where each
 * person is" in SQL without first asking which zones are in use: a row due before {@link #first()} is
 * past due everywhere; one due on an earlier date of {@link #days()} is past due exactly where the
 * zone's today is later ({@link #zonesPast}); one due on the last date or later nowhere. Two dates at
 * most instants, three for two hours a day (zones run from UTC-12 to UTC+14). Built from every zone
 * the JDK knows (IANA region ids) plus the company's zone, whatever its id, so a row with nobody or
 * somebody without a zone is judged in the company's.
 *
 * @param company the company's zone id: the zone of rows with nobody or somebody without a zone
 * @param days the dates, earliest first (two or three, consecutive)
 * @param at the instant judged
 * @param until the next instant at which some zone's date changes (its next local midnight): the
 *     dates hold from {@code at} until then
 */
public record DaysOnEarth(String company, List<LocalDate> days, List<Split> splits, Instant at, Instant until) {

    /**
     * A date before the last, on which a row is past due in some zones and not others: {@code zones}
     * lists the smaller side (at most about half the zones on earth, for a query's array parameter),
     * the zones past it when {@code listsPast}, else those not past it yet.
     */
    public record Split(LocalDate day, boolean listsPast, List<String> zones) {

        /** Whether a row due on {@link #day} is past due in {@code zone}. */
        public boolean isPastIn(String zone) {
            return zones.contains(zone) == listsPast;
        }
    }

    /** The dates at {@code now}, every zone's today computed with the JDK's time-zone rules. */
    public static DaysOnEarth at(Instant now, ZoneId company) {
        Set<String> zones = new HashSet<>(ZoneId.getAvailableZoneIds());
        zones.add(company.getId());
        Map<LocalDate, Set<String>> byDay = new TreeMap<>();
        Instant until = Instant.MAX;
        for (String id : zones) {
            ZoneId zone = ZoneId.of(id);
            LocalDate today = LocalDate.ofInstant(now, zone);
            byDay.computeIfAbsent(today, d -> new HashSet<>()).add(id);
            Instant next = today.plusDays(1).atStartOfDay(zone).toInstant();
            if (next.isBefore(until)) {
                until = next;
            }
        }
        List<LocalDate> days = List.copyOf(byDay.keySet());
        List<Split> splits = new ArrayList<>();
        for (LocalDate day : days.subList(0, days.size() - 1)) {
            List<String> past = new ArrayList<>();
            List<String> notPast = new ArrayList<>();
            byDay.forEach((d, ids) -> (d.isAfter(day) ? past : notPast).addAll(ids));
            boolean listsPast = past.size() <= notPast.size();
            List<String> listed = listsPast ? past : notPast;
            listed.sort(null);
            splits.add(new Split(day, listsPast, List.copyOf(listed)));
        }
        return new DaysOnEarth(company.getId(), days, List.copyOf(splits), now, until);
    }

    /** The earliest date: anything due before it is past due in every zone. */
    public LocalDate first() {
        return days.getFirst();
    }

    /** The latest date: anything due on it or later is past due in no zone. */
    public LocalDate last() {
        return days.getLast();
    }

    /** Whether something due on {@code due} is past due in {@code zone} (null: the company's). */
    public boolean isPastDue(LocalDate due, String zone) {
        if (due.isBefore(first())) {
            return true;
        }
        String z = zone == null ? company : zone;
        return splits.stream().anyMatch(s -> s.day().equals(due) && s.isPastIn(z));
    }
}
