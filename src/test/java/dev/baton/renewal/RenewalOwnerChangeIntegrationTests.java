package dev.baton.renewal;

import static dev.baton.renewal.engine.RenewalBpmn.TASK_CHASE_LATE_HEALTH_REVIEW;
import static dev.baton.renewal.engine.RenewalBpmn.TASK_DECIDE;
import static dev.baton.renewal.engine.RenewalBpmn.TASK_REVIEW_HEALTH;
import static dev.baton.renewal.engine.RenewalBpmn.TASK_WRITE_PROPOSAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.notification.OutboxDispatcher;
import dev.baton.support.Mails;
import dev.baton.support.SignedIn;
import dev.baton.task.Task;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Found by session 45's probe (F1): after an owner change outside a handover ({@code PUT
 * /api/accounts/{id}/owner}, the sales-to-CS handoff), the renewal's waiting stage stayed with the previous
 * owner and its chase with the previous owner's manager, while later stages went to the new owner, who was
 * never told. The waiting stage and its chase now follow the account, mailed like any moved task. Since
 * session 46 the moves are audited as by whoever changed the owner (they were Baton's: the listener runs after
 * the change's commit, without its signed-in user).
 */
class RenewalOwnerChangeIntegrationTests extends RenewalTest {

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    GreenMail greenMail;

    @Autowired
    AuditEvents auditEvents;

    @Test
    @SuppressWarnings("unchecked")
    void theWaitingStageAndItsChaseFollowTheAccountToItsNewOwnerAndTheirManager() {
        long account = account("rob", 45); // opened late: the health review's chase goes to maria at once
        String name = (String) accountView(account).get("name");
        long renewal = openRenewal(account);
        Task health = awaitOpenTask(renewal, TASK_REVIEW_HEALTH);
        Task chase = awaitOpenTask(renewal, TASK_CHASE_LATE_HEALTH_REVIEW);
        assertThat(chase.getAssignee()).isEqualTo("maria");
        dispatcher.dispatch();

        transfer(account, "rita"); // the same line: the stage moves, maria goes on chasing it
        awaitAssignee(health, "rita");
        dispatcher.dispatch();
        assertThat(subjects(name, "rita@baton.example")).containsExactly("New task: Review account health · " + name);
        assertThat(subjects(name, "rob@baton.example"))
                .anyMatch(s -> s.startsWith("Task moved to Rita Okafor: Review account health"));
        assertThat(subjects(name, "maria@baton.example"))
                .as("her chase stays with her")
                .containsExactly("New task: Chase late health review · " + name);
        assertThat(tasks.findById(chase.getId()).orElseThrow().getAssignee()).isEqualTo("maria");
        transfer(account, "ravi"); // marcus's line: the chase moves to marcus
        awaitAssignee(health, "ravi");
        awaitAssignee(chase, "marcus");
        Task moved = tasks.findById(health.getId()).orElseThrow();
        assertThat(moved.getOriginalAssignee()).isEqualTo("rob");
        assertThat(moved.getDelegatedBy()).as("moved, not delegated by anyone").isNull();
        assertThat(SignedIn.as(http, "ravi").getForObject("/tasks/" + health.getId(), String.class))
                .contains(
                        "originally for Rob Jansen, moved by Ada Lovelace", "moved it from Rita Okafor to Ravi Shankar")
                .doesNotContain("handed on by", "moved by Baton");
        assertThat(Stream.of(health, chase)
                        .flatMap(t -> auditEvents.findByEntityTypeAndEntityIdOrderByAt("task", t.getId()).stream())
                        .filter(e -> e.getAction().equals("task.reassigned")))
                .as("the moves are the owner change's, by the admin who made it, not Baton's")
                .extracting(AuditEvent::getActor)
                .containsExactly("ada", "ada", "ada");

        dispatcher.dispatch();
        assertThat(subjects(name, "ravi@baton.example")).containsExactly("New task: Review account health · " + name);
        assertThat(subjects(name, "marcus@baton.example"))
                .containsExactly("New task: Chase late health review · " + name);
        assertThat(subjects(name, "rita@baton.example"))
                .anyMatch(s -> s.startsWith("Task moved to Ravi Shankar: Review account health"));
        assertThat(subjects(name, "maria@baton.example"))
                .anyMatch(s -> s.startsWith("Task moved to Marcus Brown: Chase late health review"));
        assertThat(((List<Map<String, Object>>) listed("marcus", renewal).get("steps")))
                .extracting(s -> s.get("assigneeName"))
                .containsExactlyInAnyOrder("Ravi Shankar", "Marcus Brown");
        assertThat(listed("maria", renewal))
                .as("no step of it is in maria's line now")
                .isNull();

        completeTask("ravi", health, Map.of("healthSummary", "Steady", "risk", "low"), HttpStatus.OK);
        Task proposal = awaitOpenTask(renewal, TASK_WRITE_PROPOSAL);
        assertThat(proposal.getAssignee()).isEqualTo("ravi");
        transfer(account, "rob"); // during the proposal stage, which nothing in the process follows by itself
        awaitAssignee(proposal, "rob");
        completeTask("rob", proposal, Map.of("proposal", "Same terms"), HttpStatus.OK);
        assertThat(awaitOpenTask(renewal, TASK_DECIDE).getAssignee())
                .as("the decision goes to the owner now")
                .isEqualTo("rob");
    }

    private void awaitAssignee(Task task, String username) {
        await().atMost(WAIT)
                .until(() -> tasks.findById(task.getId()).orElseThrow().getAssignee(), username::equals);
    }

    private List<String> subjects(String accountName, String address) {
        return Mails.to(greenMail, address).stream()
                .filter(m -> Mails.text(m).contains(accountName))
                .map(Mails::subject)
                .toList();
    }

    /** An admin gives the account to {@code owner} (PUT /api/accounts/{id}/owner) at its version. */
    private void transfer(long accountId, String owner) {
        Object version = accountView(accountId).get("version");
        var answer = as("ada")
                .exchange(
                        "/api/accounts/" + accountId + "/owner",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("ownerId", personId(owner), "version", version)),
                        Map.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }
}
