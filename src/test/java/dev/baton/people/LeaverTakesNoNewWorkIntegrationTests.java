package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.handover.HandoverFixture;
import dev.baton.handover.HandoverFixture.Book;
import dev.baton.support.SignedIn;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rep whose handover for leaving has completed stays active until their leaving day, but takes no
 * new commitments and no cover duty (found by the session 28 probe: a commitment for him was
 * recorded, a colleague's absence form took him as cover and her next task went to him). What he
 * holds already stays with him.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class LeaverTakesNoNewWorkIntegrationTests extends EngineIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Absences absences;

    @Autowired
    AbsenceService absenceService;

    HandoverFixture handovers;
    Book book;
    Person leaver;
    String leaving;

    @BeforeEach
    void rob() {
        handovers = new HandoverFixture(context);
        book = handovers.book();
        leaver = handovers.colleague("Rob Leaving");
        LocalDate leavesOn = LocalDate.now().plusDays(7);
        handovers.leaving(leaver, leavesOn);
        leaving = leaver.getFullName() + " is leaving the company on "
                + leavesOn.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH));
    }

    @Test
    void aNewCommitmentOrAChangeOfOwnerToSomeoneLeavingIsRefusedAtOwnerId() {
        ResponseEntity<Map> created = as("maria").postForEntity("/api/commitments", commitment(leaver), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(created.getBody())).containsEntry("ownerId", leaving + " and cannot take on a commitment");
        assertThat(commitmentsOf(leaver)).isZero();

        Map<String, Object> theirs =
                as("maria").postForObject("/api/commitments", commitment(book.successor()), Map.class);
        ResponseEntity<Map> moved = as("maria")
                .exchange(
                        "/api/commitments/" + theirs.get("id") + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("ownerId", leaver.getId(), "version", theirs.get("version"))),
                        Map.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(moved.getBody())).containsEntry("ownerId", leaving + " and cannot take on a commitment");
        assertThat(commitmentsOf(leaver)).isZero();
    }

    @Test
    void anAbsenceCoveredBySomeoneLeavingIsRefusedAtTheDelegateOnTheApiAndThePage() {
        String rita = book.successor().getUsername();
        Map<String, String> absence = Map.of(
                "startsOn", LocalDate.now().plusDays(1).toString(),
                "endsOn", LocalDate.now().plusDays(2).toString(),
                "delegate", leaver.getUsername());

        ResponseEntity<Map> api = as(rita).postForEntity("/api/absences", absence, Map.class);

        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(api.getBody())).containsEntry("delegate", leaving + ": choose someone else to cover");

        String page = SignedIn.as(http, rita).getForObject("/absences", String.class);
        StringBuilder form = new StringBuilder();
        absence.forEach((k, v) -> form.append(k).append('=').append(v).append('&'));
        ResponseEntity<String> posted = SignedIn.as(http, rita)
                .postForEntity("/absences", new HttpEntity<>(form.toString(), SignedIn.formOf(page)), String.class);
        String shown = posted.getBody() + SignedIn.as(http, rita).getForObject("/absences", String.class);
        assertThat(shown)
                .contains("Nothing recorded: please correct the marked fields.")
                .contains("id=\"delegate-error\">" + leaving + ": choose someone else to cover</div>");
        assertThat(absenceService.upcoming(rita)).isEmpty();
    }

    @Test
    void anAbsenceRecordedBeforeTheHandoverNoLongerSendsNewTasksToTheLeavingCover() {
        Person rita = book.successor();
        absences.save(new Absence(
                rita, leaver, LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), null));

        assertThat(absenceService.coverFor(rita.getUsername())).isEmpty();
        assertThat(absenceService.unavailableToday(leaver)).contains(leaving);
    }

    private Map<String, Object> commitment(Person owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountId", book.account().getId());
        body.put("description", "Send the migration plan");
        body.put("ownerId", owner.getId());
        body.put("dueDate", LocalDate.now().plusDays(3).toString());
        return body;
    }

    private long commitmentsOf(Person p) {
        return jdbc.queryForObject("select count(*) from commitment where owner_id = ?", Long.class, p.getId());
    }

    private static Map<String, Object> errors(Map body) {
        return (Map<String, Object>) body.get("errors");
    }
}
