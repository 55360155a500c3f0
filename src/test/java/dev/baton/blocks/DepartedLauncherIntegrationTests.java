package dev.baton.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.account.InteractionService;
import dev.baton.commitment.CommitmentService;
import dev.baton.engine.WorkerRecords;
import dev.baton.people.NewPerson;
import dev.baton.people.Role;
import dev.baton.task.Task;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Found by a hostile probe: every block acts with the rights of the person who launched its playbook,
 * but a launcher who had since left the company (deactivated) was asked as if still there, so an
 * admin's run kept editing accounts, recording promises and mailing customers in their name after
 * they had gone. Nothing in the design hands a departed person's runs to someone else, so their
 * blocks now stop with an incident on {@code launchedBy} saying they have left, and change nothing.
 * Each playbook waits at a form for Ada; meanwhile a fresh admin who launched it is deactivated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("rawtypes")
class DepartedLauncherIntegrationTests extends BlockProcessTest {

    static final String FORM_ID = "departed-launcher-wait";
    static final String FORM = oneFieldForm(FORM_ID, "textfield", "comment", "Anything to add?");

    @Autowired
    InteractionService interactions;

    @Autowired
    CommitmentService commitments;

    @BeforeAll
    void upload() {
        upload(Blocks.UPDATE_ACCOUNT, Map.of("segment", "Left behind"));
        upload(Blocks.RECORD_INTERACTION, Map.of("kind", "NOTE", "summary", "Said by someone who left"));
        upload(Blocks.RECORD_COMMITMENT, Map.of("description", "A promise", "dueDate", "P7D"));
        upload(Blocks.SEND_EMAIL, Map.of("template", "customer-check-in", "to", "primary-contact"));
    }

    @Test
    void updateAccountOfARunWhoseLauncherHasLeftIsAnIncidentAndChangesNothing() {
        long robs = account("rob");

        Run run = launchThenLeave(Blocks.UPDATE_ACCOUNT, robs);

        assertLauncherHasLeft(run);
        assertThat(accounts.get(robs).segment()).isEqualTo("Mid-market");
    }

    @Test
    void recordInteractionOfARunWhoseLauncherHasLeftIsAnIncidentAndLogsNothing() {
        long robs = account("rob");

        Run run = launchThenLeave(Blocks.RECORD_INTERACTION, robs);

        assertLauncherHasLeft(run);
        assertThat(interactions.forAccount(robs, Pageable.ofSize(10))).isEmpty();
    }

    @Test
    void recordCommitmentOfARunWhoseLauncherHasLeftIsAnIncidentAndRecordsNothing() {
        long robs = account("rob");

        Run run = launchThenLeave(Blocks.RECORD_COMMITMENT, robs);

        assertLauncherHasLeft(run);
        assertThat(commitments.openOf(robs)).isEmpty();
    }

    @Test
    void sendEmailOfARunWhoseLauncherHasLeftIsAnIncidentAndMailsNobody() {
        long robs = account("rob");
        String customer = "ops" + ThreadLocalRandom.current().nextInt(1_000_000) + "@customer.example";
        primaryContact(robs, "Ana Customer", customer);

        Run run = launchThenLeave(Blocks.SEND_EMAIL, robs);

        assertLauncherHasLeft(run);
        assertThat(mailsTo(customer, accounts.get(robs).name())).isEmpty();
    }

    /**
     * A new admin (who may act on any account) launches the block's playbook on the account; while its
     * form waits for Ada, Ada deactivates them (they own nothing, so nothing stops it), then answers.
     */
    private Run launchThenLeave(String type, long accountId) {
        String leaver = "leaver-" + ThreadLocalRandom.current().nextInt(1_000_000);
        long leaverId = people.create(new NewPerson(
                        leaver, "Lee Leaver", leaver + "@baton.example", "demo", Set.of(Role.ADMIN), null, null))
                .id();
        long instance = launch(leaver, processId(type), Map.of("accountId", accountId));
        Task form = awaitTask(instance, "task_form");

        ResponseEntity<Map> deactivated =
                as("ada").postForEntity("/api/people/" + leaverId + "/deactivate", null, Map.class);
        assertThat(deactivated.getStatusCode()).as("%s", deactivated.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> answered = answer("ada", form, Map.of("comment", "go on"));
        assertThat(answered.getStatusCode()).as("%s", answered.getBody()).isEqualTo(HttpStatus.OK);
        return new Run(instance, leaver);
    }

    /** A run of a playbook and the user name of its launcher, who has left. */
    private record Run(long instance, String leaver) {}

    private void assertLauncherHasLeft(Run run) {
        assertThat(awaitIncident(run.instance()))
                .contains(
                        "'" + STEP_NAME + "'",
                        "input 'launchedBy'",
                        "Lee Leaver has left", // by full name, not by the user name
                        "launch the playbook again");
        assertThat(awaitIncident(run.instance())).doesNotContain(run.leaver() + " has left");
        assertThat(new WorkerRecords(engine, WAIT).passed(run.instance())).doesNotContain("end_done");
    }

    private void upload(String type, Map<String, String> inputs) {
        uploadFormThenBlock(processId(type), FORM_ID, FORM, "ada", type, inputs);
    }

    private static String processId(String type) {
        return "departed-launcher-" + type.replace('.', '-');
    }
}
