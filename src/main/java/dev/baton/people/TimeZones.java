package dev.baton.people;

import dev.baton.shared.BadRequestException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time zone in which something concerning a person is judged: the ends of their days, their
 * absences, the due dates of what they own, the times printed in mails to them. A person without a
 * zone of their own is in the company's ({@code baton.company-time-zone}, an IANA region id; by
 * default the app clock's zone). Zones are region ids, never fixed offsets, so the same local hour
 * holds across daylight-saving changes.
 */
@Service
public class TimeZones {

    private static final Set<String> REGIONS = ZoneId.getAvailableZoneIds();

    private final People people;
    private final ZoneId company;

    TimeZones(People people, Clock clock, @Value("${baton.company-time-zone:}") String companyZone) {
        this.people = people;
        this.company = companyZone.isBlank() ? clock.getZone() : region(companyZone, "baton.company-time-zone");
    }

    /** The company's default zone. */
    public ZoneId company() {
        return company;
    }

    /** The person's zone, or the company's when they have none (or the person is null). */
    public ZoneId of(Person person) {
        return person == null || person.getTimeZone() == null ? company : ZoneId.of(person.getTimeZone());
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
