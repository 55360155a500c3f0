package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.people.AbsenceService;
import dev.baton.people.NewAbsence;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.shared.BadRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Ends of days, "today" for a launch and absences judged where the person concerned is. The fixed
 * instants are around the 2027 daylight-saving changes; the checks that depend on today use Kiritimati
 * (UTC+14) and Pago Pago (UTC-11), whose days differ at every hour, so they hold whenever they run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HandoverTimeZoneIntegrationTests {

    static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");

    @Autowired
    HandoverSteps steps;

    @Autowired
    HandoverService service;

    @Autowired
    AbsenceService absences;

    @Autowired
    People people;

    @Test
    void theNoteIsDueAtTheEndOfTheEffectiveDayWhereTheDepartingPersonIs() {
        LocalDate effective =
                LocalDate.of(2027, 4, 4); // Sydney falls back that night, Berlin and LA are on summer time

        assertThat(steps.noteDueAt(leaving("Australia/Sydney", effective)))
                .isEqualTo(Instant.parse("2027-04-04T14:00:00Z"));
        assertThat(steps.noteDueAt(leaving("Europe/Berlin", effective)))
                .isEqualTo(Instant.parse("2027-04-04T22:00:00Z"));
        assertThat(steps.noteDueAt(leaving("America/Los_Angeles", effective)))
                .isEqualTo(Instant.parse("2027-04-05T07:00:00Z"));
    }

    @Test
    void aLaunchIsForTodayOrLaterWhereTheDepartingPersonIs() {
        LocalDate pagoPagoToday = LocalDate.now(PAGO_PAGO); // already yesterday in Kiritimati's terms
        Person ahead = person(KIRITIMATI.getId());
        Person behind = person(PAGO_PAGO.getId());

        assertThat(refusal(ahead, pagoPagoToday).getFieldErrors()).containsOnlyKeys("effectiveDate");
        assertThat(refusal(behind, pagoPagoToday).getFieldErrors())
                .as("the date is today for them: the launch gets past it (and stops at the empty book)")
                .containsOnlyKeys("departingId");
    }

    @Test
    void anAbsenceCoversItsDaysWhereItsPersonIs() {
        LocalDate kiritimatiToday = LocalDate.now(KIRITIMATI);
        Person ahead = person(KIRITIMATI.getId());
        Person behind = person(PAGO_PAGO.getId());
        Person cover = person(null);
        absences.record(
                ahead.getUsername(), new NewAbsence(kiritimatiToday, kiritimatiToday, cover.getUsername(), null));
        absences.record(
                behind.getUsername(), new NewAbsence(kiritimatiToday, kiritimatiToday, cover.getUsername(), null));

        assertThat(absences.coverFor(ahead.getUsername())).contains(cover.getUsername());
        assertThat(absences.coverFor(behind.getUsername()))
                .as("that day has not begun in Pago Pago")
                .isEmpty();
        assertThat(absences.awayToday())
                .anyMatch(a -> a.username().equals(ahead.getUsername()))
                .noneMatch(a -> a.username().equals(behind.getUsername()));
    }

    private BadRequestException refusal(Person departing, LocalDate effective) {
        return catchThrowableOfType(
                BadRequestException.class,
                () -> service.launch(
                        new LaunchRequest(
                                departing.getId(),
                                HandoverReason.LEAVING,
                                effective,
                                null,
                                new SuccessorPlan(SuccessorPlan.Mode.ONE, departing.getId(), null, null),
                                null),
                        "ada"));
    }

    private Handover leaving(String zone, LocalDate effective) {
        return new Handover(person(zone), "maria", HandoverReason.LEAVING, effective, null);
    }

    private Person person(String zone) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person p = new Person("tz-" + tag, "Person " + tag, "tz-" + tag + "@baton.example", "x", Set.of(Role.REP));
        p.moveToTimeZone(zone);
        return people.save(p);
    }
}
