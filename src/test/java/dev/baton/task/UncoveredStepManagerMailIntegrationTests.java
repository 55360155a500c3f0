package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.people.AbsenceService;
import dev.baton.people.NewAbsence;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.support.Multipart;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Left by session 46 (F1b): when nobody in an away person's cover chain can take a new step, it stays with them
 * and only they were told. Their manager, who can move it, is mailed once per step: on the real engine, through
 * the outbox to GreenMail. Everyone here is a fresh person, so no other test sees them away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("rawtypes") // TestRestTemplate answers with raw Map bodies
class UncoveredStepManagerMailIntegrationTests extends InboxTest {

    static final String PROCESS_ID = "uncovered-step-test";

    @Autowired
    AbsenceService absences;

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    @BeforeAll
    void upload() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS_ID)
                .name("Personal step")
                .startEvent()
                .userTask("task_personal", t -> t.name("Call the customer").zeebeAssigneeExpression("assignee"))
                .endEvent()
                .done());
        ResponseEntity<List> uploaded = as("ada")
                .postForEntity("/api/playbooks", Multipart.texts("files", Map.of("personal.bpmn", bpmn)), List.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void whenNobodyInTheChainCanCoverANewStepTheAbsentPersonsManagerIsMailedOnce() throws Exception {
        Person boss = person(null);
        Person absent = person(boss);
        Person cover = person(boss);
        Person coversCover = person(boss);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        away(absent, today.minusDays(1), today.plusDays(2), cover);
        away(cover, today.minusDays(1), today.plusDays(1), coversCover);
        coversCover.deactivate(); // as an import of long ago would have: the deactivation itself now refuses
        people.save(coversCover);

        Task task = awaitTaskOf(processInstances.start(PROCESS_ID, Map.of("assignee", absent.getUsername())));
        Task again = taskService.upsert(spec(task, absent)); // the same job delivered a second time

        assertThat(again.getId()).isEqualTo(task.getId());
        assertThat(task.getAssignee()).isEqualTo(absent.getUsername());
        assertThat(mailsAbout(task, boss.getEmail())).singleElement().satisfies(m -> {
            assertThat(subject(m))
                    .isEqualTo("Nobody can cover: " + absent.getFullName() + "'s new task Call the customer");
            assertThat(plain(GreenMailUtil.getBody(m)))
                    .contains(absent.getFullName() + " is away, and nobody covering for them can take their new task"
                            + " Call the customer today (" + cover.getFullName() + " is away from ")
                    .contains(coversCover.getFullName() + " is inactive). It stays with " + absent.getFullName())
                    .contains("move it to someone who can act on it")
                    .contains("/tasks/" + task.getId())
                    .contains("you get this as " + absent.getFullName() + "'s manager");
        });
        assertThat(mailsAbout(task, cover.getEmail())).isEmpty();
    }

    @Test
    void aStepTheCoverTakesTellsTheManagerNothing() throws Exception {
        Person boss = person(null);
        Person absent = person(boss);
        Person cover = person(boss);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        away(absent, today.minusDays(1), today.plusDays(2), cover);

        Task task = awaitTaskOf(processInstances.start(PROCESS_ID, Map.of("assignee", absent.getUsername())));

        assertThat(task.getAssignee()).isEqualTo(cover.getUsername());
        assertThat(mailsAbout(task, boss.getEmail())).isEmpty();
    }

    private static TaskSpec spec(Task task, Person assignee) {
        return new TaskSpec(
                task.getJobKey(),
                task.getProcessInstanceKey(),
                task.getElementInstanceKey(),
                task.getBpmnProcessId(),
                task.getProcessVersion(),
                task.getElementId(),
                task.getName(),
                assignee.getUsername(),
                Set.of(),
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                Set.of(),
                null,
                task.getProcessName(),
                null,
                false);
    }

    /** The body with quoted-printable's soft line breaks joined and every run of white space one space. */
    private static String plain(String body) {
        return body.replace("=\r\n", "").replaceAll("\\s+", " ");
    }

    private void away(Person who, LocalDate from, LocalDate to, Person cover) {
        absences.record(who.getUsername(), new NewAbsence(from, to, cover.getUsername(), null));
    }

    private Person person(Person manager) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person p = new Person(
                "uc-" + tag,
                "Uncovered " + tag,
                "uc-" + tag + "@baton.example",
                passwords.encode("demo"),
                manager == null ? Set.of(Role.MANAGER) : Set.of(Role.REP));
        p.reportTo(manager);
        return people.save(p);
    }
}
