package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.MailPreferenceService.Choices;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.Teams;
import dev.baton.support.Multipart;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A step offered to teams or to people by name, and held by nobody, is mailed to everyone who may
 * claim it: on the real engine, through the outbox to GreenMail. Each test has a team of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("rawtypes") // TestRestTemplate answers with raw Map bodies
class TeamTaskMailIntegrationTests extends InboxTest {

    static final String PROCESS_ID = "team-task-mail-test";

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    MailPreferenceService preferences;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void upload() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(PROCESS_ID)
                .name("Offered step")
                .startEvent()
                .userTask(
                        "task_offered",
                        t -> t.name("Check the offer")
                                .zeebeCandidateGroupsExpression("groups")
                                .zeebeCandidateUsersExpression("users"))
                .endEvent()
                .done());
        ResponseEntity<List> uploaded = as("ada")
                .postForEntity("/api/playbooks", Multipart.texts("files", Map.of("offered.bpmn", bpmn)), List.class);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theActiveMembersOfTheTeamAndTheCandidateUserAreOfferedTheStepOnceEvenWhenTheJobComesTwice() throws Exception {
        String tag = String.valueOf(System.nanoTime());
        Team team = teams.save(new Team("offer-" + tag, "Offer Desk " + tag));
        Team other = teams.save(new Team("other-" + tag, "Other Desk " + tag));
        Person ann = person("ann" + tag, team, true);
        Person ben = person("ben" + tag, team, true);
        Person cal = person("cal" + tag, team, false);
        Person dee = person("dee" + tag, other, true);
        Person eve = person("eve" + tag, other, true);
        preferences.choose(ben.getId(), new Choices(true, false, true, true, false));

        Task task = awaitTaskOf(processInstances.start(
                PROCESS_ID, Map.of("groups", List.of(team.getKey()), "users", List.of(eve.getUsername()))));
        Task again = taskService.upsert(specOf(task)); // the same job delivered a second time

        assertThat(again.getId()).isEqualTo(task.getId());
        assertThat(mailsAbout(task, ann.getEmail())).singleElement().satisfies(m -> {
            assertThat(subject(m)).isEqualTo("New task for Offer Desk " + tag + ": Check the offer");
            assertThat(GreenMailUtil.getBody(m))
                    .contains("Hello " + ann.getFullName(), "whoever claims it first holds it")
                    .doesNotContain("by name");
        });
        assertThat(mailsAbout(task, eve.getEmail()))
                .as("the candidate user, though in another team")
                .singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("also offered to you by name"));
        assertThat(mailsAbout(task, ben.getEmail()))
                .as("switched team tasks off")
                .isEmpty();
        assertThat(mailsAbout(task, cal.getEmail())).as("inactive").isEmpty();
        assertThat(mailsAbout(task, dee.getEmail()))
                .as("in another team, not named")
                .isEmpty();
        assertThat(offers(task)).containsExactly("SENT", "SENT");
    }

    @Test
    void claimingBeforeTheOffersWentOutWithdrawsTheOthersButOneAlreadySentStays() throws Exception {
        Task sent = awaitTaskOf(startReview(null)); // offered to sales-emea: maria, rob, rita
        assertThat(mailsAbout(sent, "rita@baton.example")).hasSize(1);
        Task queued = awaitTaskOf(startReview(null));

        assertThat(post("rob", queued, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("rob", sent, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(mailsAbout(queued, "rita@baton.example")).isEmpty();
        assertThat(mailsAbout(queued, "maria@baton.example")).isEmpty();
        assertThat(offers(queued)).isNotEmpty().containsOnly("WITHDRAWN");
        assertThat(offers(sent)).isNotEmpty().containsOnly("SENT");
        assertThat(mailsAbout(sent, "rita@baton.example")).hasSize(1);
    }

    @Test
    void aStepWithAnAssigneeOrWhosePlaybookMailsItselfOffersNothing() {
        Task held = offeredTask("rob", Set.of("sales-emea"), false);
        Task announced = offeredTask(null, Set.of("sales-emea"), true);

        assertThat(mailsAbout(held, "rob@baton.example"))
                .extracting(InboxTest::subject)
                .singleElement()
                .asString()
                .startsWith("New task: Follow up");
        assertThat(mailsAbout(held, "rita@baton.example")).isEmpty();
        assertThat(offers(held)).isEmpty();
        assertThat(offers(announced)).isEmpty();
    }

    private Person person(String username, Team team, boolean active) {
        Person p = new Person(username, "Name " + username, username + "@baton.example", "{noop}x", Set.of(Role.REP));
        p.joinTeam(team);
        if (!active) {
            p.deactivate();
        }
        return people.save(p);
    }

    /** The statuses of the task's offer mails, oldest first. */
    private List<String> offers(Task task) {
        return jdbc.queryForList(
                "select status from outbox_message where dedup_key like ('task-offered:' || ? || ':%') order by id",
                String.class, task.getId());
    }

    private static TaskSpec specOf(Task task) {
        return new TaskSpec(
                task.getJobKey(),
                task.getProcessInstanceKey(),
                task.getElementInstanceKey(),
                task.getBpmnProcessId(),
                task.getProcessVersion(),
                task.getElementId(),
                task.getName(),
                null,
                task.getCandidateGroups(),
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                task.getCandidateUsers(),
                null,
                task.getProcessName(),
                null,
                false);
    }
}
