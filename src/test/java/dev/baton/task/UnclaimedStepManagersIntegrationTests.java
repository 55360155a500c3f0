package dev.baton.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.baton.people.People;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.Team;
import dev.baton.people.Teams;
import dev.baton.support.SignedIn;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * A team's step nobody claimed by its due date: the managers told ({@link UnclaimedStepAnswerers}), who are
 * in none of its teams, open it from the mail, read it, and assign it to one of its candidates; nobody else
 * outside the team does (session 42's probe: the mail's link was a 403 for the manager it went to).
 */
class UnclaimedStepManagersIntegrationTests extends InboxTest {

    @Autowired
    TaskReminders reminders;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Test
    void theManagerToldOpensTheStepFromTheMailAndAssignsItToACandidate() {
        String tag = String.valueOf(System.nanoTime());
        Team team = teams.save(new Team("open-" + tag, "Open Desk " + tag));
        Person boss = person("boss" + tag, null, null, Role.MANAGER);
        Person ann = person("ann" + tag, team, boss, Role.REP);
        Person other = person("other" + tag, null, null, Role.MANAGER);
        Person stranger = person("stranger" + tag, null, other, Role.REP);
        Task late = offeredTask(Set.of(team.getKey()), Instant.now().minus(Duration.ofHours(2)));

        reminders.run();

        assertThat(mailsAbout(late, boss.getEmail()))
                .singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("/tasks/" + late.getId()));
        ResponseEntity<String> page =
                SignedIn.as(http, boss.getUsername()).getForEntity("/tasks/" + late.getId(), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody())
                .contains("Follow up", "id=\"assign-candidate\"", ann.getFullName())
                .doesNotContain(">Claim<", stranger.getFullName());
        assertThat(as(boss.getUsername())
                        .getForEntity("/api/tasks/" + late.getId(), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        // read-only: the step is the team's to claim, and the manager's to give to one of them
        assertThat(post(boss.getUsername(), late, "claim").getStatusCode().value())
                .isEqualTo(403);
        assertThat(assign(other, late, ann).getStatusCode().value())
                .as("another team's manager")
                .isEqualTo(403);
        assertThat(as(other.getUsername())
                        .getForEntity("/api/tasks/" + late.getId(), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> notOffered = assign(boss, late, stranger);
        assertThat(notOffered.getStatusCode().value()).as(notOffered.getBody()).isEqualTo(400);
        assertThat(notOffered.getBody()).contains("not offered this step");
        // the page's form says why in plain words, without the API's field name (session 43's probe: "to: ...")
        var browser = SignedIn.as(http, boss.getUsername());
        ResponseEntity<String> posted = browser.postForEntity(
                "/tasks/" + late.getId() + "/assign",
                new org.springframework.http.HttpEntity<>(
                        "to=" + stranger.getUsername(), SignedIn.formOf(page.getBody())),
                String.class);
        // the client may follow the redirect without the session: the page read next shows the message then
        String shown = posted.getBody() + browser.getForObject("/tasks/" + late.getId(), String.class);
        assertThat(shown)
                .contains("Not assigned: " + stranger.getFullName() + " is not offered this step")
                .doesNotContain("Not assigned: to:");

        ResponseEntity<String> assigned = assign(boss, late, ann);

        assertThat(assigned.getStatusCode().value()).as(assigned.getBody()).isEqualTo(200);
        assertThat(tasks.findById(late.getId()).orElseThrow().getAssignee()).isEqualTo(ann.getUsername());
        assertThat(actions(late)).endsWith("task.assigned");
        // an assignment, not a delegation: the step was never the manager's (session 43's probe)
        assertThat(tasks.findById(late.getId()).orElseThrow().getDelegatedBy()).isNull();
        assertThat(as(boss.getUsername()).getForObject("/api/tasks?scope=delegated", String.class))
                .doesNotContain("\"id\":" + late.getId() + ",");
        assertThat(assign(boss, late, ann).getStatusCode().value())
                .as("somebody holds it now: the admins move it")
                .isEqualTo(403);
    }

    private ResponseEntity<String> assign(Person by, Task task, Person to) {
        return as(by.getUsername())
                .postForEntity("/api/tasks/" + task.getId() + "/assign", Map.of("to", to.getUsername()), String.class);
    }

    private Person person(String username, Team team, Person manager, Role role) {
        Person p = new Person(username, "Name " + username, username + "@baton.example", "{noop}demo", Set.of(role));
        if (team != null) {
            p.joinTeam(team);
        }
        if (manager != null) {
            p.reportTo(manager);
        }
        return people.save(p);
    }
}
