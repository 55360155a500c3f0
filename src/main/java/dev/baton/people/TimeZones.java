package dev.baton.people;

import dev.baton.shared.BadRequestException;
import dev.baton.shared.ReaderZone;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The time zone in which something concerning a person is judged: the ends of their days, their
 * absences, the due dates of what they own, the times printed in mails to them. A person without a
 * zone of their own is in the company's ({@code baton.company-time-zone}, an IANA region id; by
 * default the app clock's zone). Zones are region ids, never fixed offsets, so the same local hour
 * holds across daylight-saving changes.
 */
@Service
public class TimeZones implements ReaderZone {

    private static final Set<String> REGIONS = ZoneId.getAvailableZoneIds();

    private static final Pattern AREAS =
            Pattern.compile("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+");

    private static final SortedMap<String, List<String>> CHOOSABLE = choosable();

    private final People people;
    private final JdbcTemplate jdbc;
    private final ZoneId company;
    private final Clock clock;

    TimeZones(People people, JdbcTemplate jdbc, Clock clock, @Value("${baton.company-time-zone:}") String companyZone) {
        this.people = people;
        this.jdbc = jdbc;
        this.clock = clock;
        this.company = companyZone.isBlank() ? clock.getZone() : region(companyZone, "baton.company-time-zone");
    }

    /** The company's default zone. */
    public ZoneId company() {
        return company;
    }

    /**
     * The signed-in person's zone (the company's when nobody is signed in), looked up once per request:
     * a page prints many times.
     */
    @Override
    public ZoneId current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String username = auth == null || !auth.isAuthenticated() ? null : auth.getName();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return ofUsername(username);
        }
        String key = TimeZones.class.getName() + ":" + username;
        ZoneId zone = (ZoneId) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (zone == null) {
            zone = ofUsername(username);
            request.setAttribute(key, zone, RequestAttributes.SCOPE_REQUEST);
        }
        return zone;
    }

    /** Today where the person is (the company's today for null or a person without a zone). */
    public LocalDate today(Person person) {
        return today(of(person));
    }

    /** Today in {@code zone}. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Today in every zone somebody is in, for queries that judge a day where each person is: zone ids
     * grouped by their current day (at most three days at any instant). {@code company} is the zone of
     * rows with nobody or somebody without a zone.
     */
    public record Todays(String company, Map<LocalDate, Set<String>> zonesByDay) {

        /** One zone, one day: for tests and callers with a single reader. */
        public static Todays of(ZoneId zone, LocalDate today) {
            return new Todays(zone.getId(), Map.of(today, Set.of(zone.getId())));
        }

        /** Today in {@code zone} (one of those in use), or in the company's zone for null. */
        public LocalDate in(String zone) {
            String z = zone == null ? company : zone;
            return zonesByDay.entrySet().stream()
                    .filter(e -> e.getValue().contains(z))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no today for zone " + z));
        }

        /** The latest of the days (a row due before it may be overdue somewhere). */
        public LocalDate latest() {
            return zonesByDay.keySet().stream().max(LocalDate::compareTo).orElseThrow();
        }
    }

    /**
     * See {@link Todays}. One plain SQL query and no transaction of its own (it joins the caller's, if
     * any): the register's overdue filter reads it on every call, and an entity query in a transaction
     * of its own cost more than the register's page itself (README, "Benchmarks: the commitment register").
     */
    public Todays todays() {
        Set<String> zones = new TreeSet<>(
                jdbc.queryForList("select distinct time_zone from person where time_zone is not null", String.class));
        zones.add(company.getId());
        Map<LocalDate, Set<String>> byDay = new TreeMap<>();
        zones.forEach(z -> byDay.computeIfAbsent(LocalDate.now(clock.withZone(ZoneId.of(z))), d -> new TreeSet<>())
                .add(z));
        return new Todays(company.getId(), byDay);
    }

    /** The person's zone, or the company's when they have none (or the person is null). */
    public ZoneId of(Person person) {
        return ofStored(person == null ? null : person.getTimeZone());
    }

    /**
     * The zone a person's row stores ({@code person.time_zone}, an IANA region id), or the company's
     * for null (a person without a zone of their own): for reads that take the column without the
     * person.
     */
    public ZoneId ofStored(String personTimeZone) {
        return personTimeZone == null ? company : ZoneId.of(personTimeZone);
    }

    /** The zone of the person with this id (the company's if null or unknown). */
    @Transactional(readOnly = true)
    public ZoneId ofPerson(Long personId) {
        return personId == null
                ? company
                : people.findById(personId).map(this::of).orElse(company);
    }

    /** The zone of the person with this user name (the company's if null or unknown). */
    @Transactional(readOnly = true)
    public ZoneId ofUsername(String username) {
        return username == null
                ? company
                : people.findByUsername(username).map(this::of).orElse(company);
    }

    /**
     * The region ids a person can choose, by area ("America" to "America/Los_Angeles", ...), sorted;
     * the deprecated aliases (US/Pacific, Etc/GMT+1, EST5EDT...) are left out, but {@link #region}
     * still accepts them.
     */
    public static SortedMap<String, List<String>> regionsByArea() {
        return CHOOSABLE;
    }

    private static SortedMap<String, List<String>> choosable() {
        TreeMap<String, List<String>> byArea = new TreeMap<>();
        REGIONS.stream()
                .filter(z -> AREAS.matcher(z).matches())
                .sorted()
                .forEach(z -> byArea.computeIfAbsent(z.substring(0, z.indexOf('/')), a -> new ArrayList<>())
                        .add(z));
        byArea.replaceAll((area, zones) -> List.copyOf(zones));
        return Collections.unmodifiableSortedMap(byArea);
    }

    /**
     * Checks a zone typed by a user.
     *
     * @param zone an IANA region id such as {@code America/Los_Angeles}
     * @param field the input's name, for the error
     * @return the zone
     * @throws BadRequestException naming {@code field} if it is not a known region id (offsets such as
     *     {@code +01:00} are refused: they do not follow daylight-saving time)
     */
    public static ZoneId region(String zone, String field) {
        if (zone == null || !REGIONS.contains(zone.trim())) {
            throw new BadRequestException(
                    field, "'" + zone + "' is not a time zone: use a region such as Europe/Berlin or America/New_York");
        }
        return ZoneId.of(zone.trim());
    }
}
