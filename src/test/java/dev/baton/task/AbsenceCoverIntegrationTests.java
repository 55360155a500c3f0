package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.support.SignedIn;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Out-of-office cover: colin (customer success) is away and cora covers. Tasks arriving for colin
 * go to cora, his open ones move in one call, and his absence is withdrawn after each test so that
 * nothing else sees him away.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // TestRestTemplate answers with raw Map bodies
class AbsenceCoverIntegrationTests extends InboxTest {

    @AfterEach
    void colinIsBack() {
        List<Map<String, Object>> mine = as("colin").getForObject("/api/absences/mine", List.class);
        mine.forEach(a -> as("colin").delete("/api/absences/" + a.get("id")));
    }

    @Test
    void aTaskArrivingForColinWhileHeIsAwayGoesToCoraWithColinOnRecord() {
        assertThat(away("colin", LocalDate.now(), LocalDate.now().plusDays(3), "cora")
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        Task task = arrivingTask("colin", null, false);

        assertThat(task.getAssignee()).isEqualTo("cora");
        assertThat(task.getOriginalAssignee()).isEqualTo("colin");
        assertThat(actions(task)).containsExactly("task.assigned");
        assertThat(mailsAbout(task, "cora@baton.example"))
                .singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m))
                        .as("named as people read names, not by user name")
                        .contains("It was for Colin O'Brien; you cover"));
        assertThat(mailsAbout(task, "colin@baton.example")).isEmpty();
    }

    @Test
    void aStepThePlaybookAnnouncesItselfGetsNoNewTaskMailUnlessItGoesToTheCover() {
        Task announced = arrivingTask("colin", null, false, true);
        assertThat(announced.getAssignee()).isEqualTo("colin");
        assertThat(actions(announced)).containsExactly("task.assigned");
        assertThat(mailsAbout(announced, "colin@baton.example"))
                .as("the playbook told colin already")
                .isEmpty();

        away("colin", LocalDate.now(), LocalDate.now().plusDays(3), "cora");
        Task covered = arrivingTask("colin", null, false, true);
        assertThat(covered.getAssignee()).isEqualTo("cora");
        assertThat(mailsAbout(covered, "cora@baton.example"))
                .as("nobody told cora")
                .hasSize(1);
    }

    @Test
    void anAbsenceStartingTomorrowLeavesTodaysTasksWithColinUntilHeMovesThemInOneCall() {
        away("colin", LocalDate.now().plusDays(1), LocalDate.now().plusDays(2), "cora");
        Task task = arrivingTask("colin", null, false);
        assertThat(task.getAssignee()).isEqualTo("colin");

        ResponseEntity<List> moved = as("colin").postForEntity("/api/tasks/to-cover", null, List.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.findById(task.getId()).orElseThrow())
                .extracting(Task::getAssignee, Task::getOriginalAssignee)
                .containsExactly("cora", "colin");
    }

    @Test
    void managersSeeWhoIsAwayAndWhoCoversButRepsMayNot() {
        away("colin", LocalDate.now(), LocalDate.now(), "cora");

        List<Map<String, Object>> today = as("marcus").getForObject("/api/absences/today", List.class);

        assertThat(today)
                .anySatisfy(
                        a -> assertThat(a).containsEntry("username", "colin").containsEntry("delegate", "cora"));
        assertThat(as("rob").getForEntity("/api/absences/today", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(SignedIn.as(http, "marcus").getForObject("/absences/today", String.class))
                .contains("Colin");
    }

    @Test
    void refusesAnAbsenceEndingBeforeItStartsOrCoveredByHimselfAndRecordsNothing() {
        ResponseEntity<Map> backwards =
                away("colin", LocalDate.now().plusDays(5), LocalDate.now().plusDays(1), "cora");
        ResponseEntity<Map> himself = away("colin", LocalDate.now(), LocalDate.now(), "colin");
        ResponseEntity<Map> nobody = away("colin", LocalDate.now(), LocalDate.now(), "nobody-here");

        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) backwards.getBody().get("errors")).containsKey("endsOn");
        assertThat((Map<String, Object>) himself.getBody().get("errors")).containsKey("delegate");
        assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("colin").getForObject("/api/absences/mine", List.class)).isEmpty();
        assertThat(arrivingTask("colin", null, false).getAssignee()).isEqualTo("colin");
    }

    @Test
    void onlyColinWithdrawsHisAbsenceAndOthersAreToldWhoseItIsInWords() {
        LocalDate from = LocalDate.now().plusDays(30);
        LocalDate to = from.plusDays(2);
        long id = ((Number) away("colin", from, to, "cora").getBody().get("id")).longValue();

        ResponseEntity<Map> refused = as("cora").exchange("/api/absences/" + id, HttpMethod.DELETE, null, Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
        assertThat((String) refused.getBody().get("detail"))
                .as("the person by full name and the days in words, not 'only colin may withdraw absence %s'", id)
                .isEqualTo("only Colin O'Brien may withdraw their absence from " + from.format(day) + " to "
                        + to.format(day));
        assertThat(as("colin").getForObject("/api/absences/mine", List.class)).hasSize(1);
    }
}
