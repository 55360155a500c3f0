package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.people.AbsenceService;
import dev.baton.people.NewAbsence;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.support.SignedIn;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Absence cover judged as delegating judges it: each cover on their own today, and down the chain of covers
 * when one cannot take work (session 46's probe, F1 and F1b). Everyone here is a fresh person, so no other test
 * sees them away. Kiritimati (UTC+14) and Pago Pago (UTC-11) have different days at every hour, so the checks
 * that depend on today hold whenever they run.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class AbsenceCoverChainIntegrationTests extends InboxTest {

    static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");

    @Autowired
    AbsenceService absences;

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aCoverAwayOnHerOwnTodayIsPassedOverForHerOwnCover() {
        Person absent = person(KIRITIMATI);
        Person cover = person(PAGO_PAGO);
        Person coversCover = person(null);
        LocalDate absentToday = LocalDate.now(KIRITIMATI);
        LocalDate coverToday = LocalDate.now(PAGO_PAGO); // a day (or two) before the absent person's
        away(absent, absentToday, absentToday.plusDays(2), cover);
        away(cover, coverToday, coverToday, coversCover); // her today only: not the absent person's day

        Task task = arrivingTask(absent.getUsername(), null, false);

        assertThat(task)
                .as("the cover is away on her own today, as delegating to her says; her own cover takes it")
                .extracting(Task::getAssignee, Task::getOriginalAssignee)
                .containsExactly(coversCover.getUsername(), absent.getUsername());
        assertThat(todayOf(absent))
                .containsEntry("delegate", cover.getUsername())
                .containsEntry("delegateMark", "away")
                .containsEntry("cover", coversCover.getUsername());
        assertThat(SignedIn.as(http, "marcus").getForObject("/absences/today", String.class))
                .contains(cover.getFullName() + " (away)", coversCover.getFullName() + " covers instead");
    }

    @Test
    void whenNobodyInTheChainCanTakeItTheTaskStaysWithTheAbsentPersonAndHisMailSaysWhy() {
        Person absent = person(null);
        Person cover = person(null);
        Person coversCover = person(null);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        away(absent, today.minusDays(1), today.plusDays(2), cover);
        away(cover, today.minusDays(1), today.plusDays(1), coversCover);
        coversCover.deactivate(); // as an import of long ago would have: the deactivation itself now refuses
        people.save(coversCover);

        Task task = arrivingTask(absent.getUsername(), null, false);

        assertThat(task.getAssignee()).isEqualTo(absent.getUsername());
        assertThat(mailsAbout(task, absent.getEmail()))
                .singleElement()
                .satisfies(m -> assertThat(plain(GreenMailUtil.getBody(m)))
                        .contains("You are away, but nobody covering for you can take it today (" + cover.getFullName()
                                + " is away from ")
                        .contains(coversCover.getFullName() + " is inactive): it stays with you."));
        assertThat(todayOf(absent)).containsEntry("delegateMark", "away").containsEntry("cover", null);

        ResponseEntity<Map> move = as(absent.getUsername()).postForEntity("/api/tasks/to-cover", null, Map.class);

        assertThat(move.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) move.getBody().get("errors"))
                .as("the absence's field the person can change, not 'to', which the request does not have")
                .containsOnlyKeys("delegate");
        assertThat((String) ((Map<String, Object>) move.getBody().get("errors")).get("delegate"))
                .contains(coversCover.getFullName() + " is inactive")
                .contains("nobody covering your absence can take your tasks today; change its cover on /absences (PUT"
                        + " /api/absences/");
        assertThat(SignedIn.as(http, absent.getUsername()).getForObject("/absences", String.class))
                .contains("Move my open tasks to " + cover.getFullName() + " (away)", "new tasks stay with you");
    }

    @Test
    void movingMyOpenTasksFollowsTheChainWhenMyCoverIsAway() {
        Person absent = person(null);
        Person cover = person(null);
        Person coversCover = person(null);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        away(absent, today.plusDays(5), today.plusDays(6), cover); // next week's absence, moved now
        away(cover, today.minusDays(1), today.plusDays(1), coversCover);
        Task task = arrivingTask(absent.getUsername(), null, false);

        ResponseEntity<List> moved = as(absent.getUsername()).postForEntity("/api/tasks/to-cover", null, List.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isEqualTo(coversCover.getUsername());
    }

    @Test
    void refusesToDeactivateTheCoverOfAnAbsenceNotEndedYet() {
        Person absent = person(null);
        Person cover = person(null);
        LocalDate from = LocalDate.now(ZoneId.of("UTC")).plusDays(20);
        away(absent, from, from.plusDays(2), cover);

        ResponseEntity<Map> refused =
                as("ada").postForEntity("/api/people/" + cover.getId() + "/deactivate", null, Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail"))
                .startsWith(cover.getFullName() + " covers " + absent.getFullName() + "'s absence from ")
                .endsWith(": change its cover on /absences first");
        assertThat(people.findById(cover.getId()).orElseThrow().isActive()).isTrue();
    }

    /** The body with quoted-printable's soft line breaks joined and every run of white space one space. */
    private static String plain(String body) {
        return body.replace("=\r\n", "").replaceAll("\\s+", " ");
    }

    /** Session 47: the absence page's answer to "Move my open tasks to ..." had no test of its own. */
    @Test
    void thePageSaysHowManyTasksMovedToWhomAndThenThatNoneAreLeft() {
        Person absent = person(null);
        Person cover = person(null);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        away(absent, today.plusDays(3), today.plusDays(4), cover);
        Task first = arrivingTask(absent.getUsername(), null, false);
        arrivingTask(absent.getUsername(), null, false);

        assertThat(moveOnThePage(absent)).contains("2 open task(s) moved to " + cover.getFullName() + ".");
        assertThat(tasks.findById(first.getId()).orElseThrow().getAssignee()).isEqualTo(cover.getUsername());
        assertThat(moveOnThePage(absent)).contains("You have no open tasks to move.");
    }

    @Test
    void thePageSaysWhyNothingMovedWhenNobodyCoveringCanTakeThemOrThereIsNoAbsence() {
        Person absent = person(null);
        Person cover = person(null);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        Task task = arrivingTask(absent.getUsername(), null, false);

        assertThat(moveOnThePage(absent)).contains("Nothing moved: record an absence with who covers first");

        away(absent, today.plusDays(3), today.plusDays(4), cover);
        cover.deactivate(); // as an import of long ago would have: the deactivation itself now refuses
        people.save(cover);

        assertThat(moveOnThePage(absent))
                .contains("Nothing moved: " + cover.getFullName() + " is inactive: nobody covering your absence can"
                        + " take your tasks today; change its cover on /absences")
                .doesNotContain("open task(s) moved");
        assertThat(tasks.findById(task.getId()).orElseThrow().getAssignee()).isEqualTo(absent.getUsername());
    }

    /** The absence page's "Move my open tasks to ..." pressed, and the page it answers with. */
    private String moveOnThePage(Person absent) {
        return SignedIn.submit(SignedIn.as(http, absent.getUsername()), "/absences", "/tasks/to-cover", "");
    }

    /** Session 46's second probe: recording an absence answered {@code cover: null}, which reads as nobody covers. */
    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void theAnswerToRecordingAnAbsenceSaysWhoCoversAsTheListDoes() {
        Person absent = person(null);
        Person cover = person(null);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));

        org.springframework.http.ResponseEntity<Map> recorded = as(absent.getUsername())
                .postForEntity(
                        "/api/absences",
                        Map.of(
                                "startsOn", today.toString(),
                                "endsOn", today.plusDays(2).toString(),
                                "delegate", cover.getUsername()),
                        Map.class);

        assertThat(recorded.getStatusCode().value())
                .as("%s", recorded.getBody())
                .isEqualTo(201);
        assertThat((Map<String, Object>) recorded.getBody())
                .containsEntry("cover", cover.getUsername())
                .containsEntry("coverName", cover.getFullName());
    }

    private void away(Person who, LocalDate from, LocalDate to, Person cover) {
        absences.record(who.getUsername(), new NewAbsence(from, to, cover.getUsername(), null));
    }

    private Map<String, Object> todayOf(Person absent) {
        List<Map<String, Object>> today = as("marcus").getForObject("/api/absences/today", List.class);
        return today.stream()
                .filter(a -> absent.getUsername().equals(a.get("username")))
                .findFirst()
                .orElseThrow();
    }

    private Person person(ZoneId zone) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person p = new Person(
                "cv-" + tag,
                "Cover " + tag,
                "cv-" + tag + "@baton.example",
                passwords.encode("demo"),
                Set.of(Role.REP));
        p.moveToTimeZone(zone == null ? null : zone.getId());
        return people.save(p);
    }
}
