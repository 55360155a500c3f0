package dev.baton.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.account.InteractionService;
import dev.baton.audit.AuditEvents;
import dev.baton.commitment.CommitmentService;
import dev.baton.engine.WorkerRecords;
import dev.baton.task.Task;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Found by a hostile probe: a playbook may ask "which account?" in a step, so {@code accountId} can
 * change after the launch checked it. Rob (a rep) launched one on his own account, answered its form
 * with Ravi's account, and its {@code baton.update-account} changed Ravi's account, which the API
 * refuses Rob. Each block now asks the launcher's rights on the account it acts on when it runs (ADR
 * 014). One playbook per block, uploaded by the admin: a form asking for the account, then the block.
 * Rob launches it on his own account; its form goes to Ada (an admin, who may name any account), who
 * answers with Ravi's: what counts when the block runs is the launcher's rights, not the answerer's.
 * Rob answering with Ravi's account himself is refused at the answer ({@code AccountAnswers}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("rawtypes")
class BlocksOnAnotherAccountIntegrationTests extends BlockProcessTest {

    static final String FORM_ID = "pick-an-account";
    static final String FORM = oneFieldForm(FORM_ID, "number", "accountId", "Which account?");

    @Autowired
    InteractionService interactions;

    @Autowired
    CommitmentService commitments;

    @Autowired
    AuditEvents audit;

    @BeforeAll
    void upload() {
        upload(Blocks.UPDATE_ACCOUNT, Map.of("segment", "HACKED"));
        upload(Blocks.RECORD_INTERACTION, Map.of("kind", "NOTE", "summary", "rob was here"));
        upload(Blocks.RECORD_COMMITMENT, Map.of("description", "A promise", "dueDate", "P7D", "owner", "rob"));
        upload(Blocks.CHECK_COMMITMENTS, Map.of());
        upload(Blocks.REASSIGN_OWNER, Map.of("newOwner", "ravi"));
        upload(Blocks.SEND_EMAIL, Map.of("template", "customer-check-in", "to", "primary-contact"));
        upload(ROBS_OWN, Blocks.UPDATE_ACCOUNT, Map.of("segment", "HACKED"), "=accountOwner");
    }

    /** The same update-account playbook, its form for the account's owner (rob) to answer himself. */
    static final String ROBS_OWN = "answered-by-the-owner";

    /**
     * Found by a re-probe: the blocks ask the launcher, so a run nobody launched (a timer's) had no one
     * to ask, and whoever answered its form could point it at any account. The answer itself is now
     * asked the answerer's rights: a 400 naming accountId, the task still open, nothing changed.
     */
    @Test
    void aPersonAnsweringAStepMayNotPointItsRunAtAnAccountTheyMayNotActOn() {
        long ravis = account("ravi");
        long instance = launch(ROBS_OWN);
        Task pick = awaitTask(instance, "task_form");

        ResponseEntity<Map> refused = answer("rob", pick, ravis);
        ResponseEntity<Map> numberAsText = answer("rob", pick, String.valueOf(ravis));

        for (ResponseEntity<Map> answer : java.util.List.of(refused, numberAsText)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().toString())
                    .contains(
                            "accountId", "you may not point this step at account " + ravis, "not in Rob Jansen's line");
        }
        assertThat(tasks.findById(pick.getId()).orElseThrow().getStatus()).isEqualTo(dev.baton.task.TaskStatus.OPEN);
        assertThat(accounts.get(ravis).segment()).isEqualTo("Mid-market");
        // his own other account he may name
        assertThat(answer("rob", pick, account("rob")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void updateAccountOnAnAccountTheLauncherMayNotEditIsAnIncidentAndChangesNothing() {
        long ravis = account("ravi");

        long instance = launchAndAnswer(Blocks.UPDATE_ACCOUNT, ravis);

        assertRefused(instance, ravis, "edit");
        assertThat(accounts.get(ravis).segment()).isEqualTo("Mid-market");
        assertThat(audit.findByAccountIdOrderByAt(ravis))
                .extracting(e -> e.getAction())
                .doesNotContain("account.updated");
    }

    @Test
    void updateAccountOnAnotherAccountOfTheLauncherChangesItInTheLaunchersName() {
        long robsOther = account("rob");

        long instance = launchAndAnswer(Blocks.UPDATE_ACCOUNT, robsOther);

        assertThat(awaitOutputs(instance, Blocks.UPDATE_ACCOUNT)).containsKey("accountVersion");
        assertThat(accounts.get(robsOther).segment()).isEqualTo("HACKED");
        assertThat(audit.findByAccountIdOrderByAt(robsOther))
                .filteredOn(e -> e.getAction().equals("account.updated"))
                .singleElement()
                .satisfies(e -> assertThat(e.getActor()).isEqualTo("rob"));
    }

    @Test
    void recordInteractionOnAnAccountTheLauncherMayNotActOnIsAnIncidentAndLogsNothing() {
        long ravis = account("ravi");

        long instance = launchAndAnswer(Blocks.RECORD_INTERACTION, ravis);

        assertRefused(instance, ravis, "log an interaction on");
        assertThat(interactions.forAccount(ravis, Pageable.ofSize(10))).isEmpty();
    }

    @Test
    void recordCommitmentOnAnAccountTheLauncherMayNotActOnIsAnIncidentNamingAccountIdAndRecordsNothing() {
        long ravis = account("ravi");

        long instance = launchAndAnswer(Blocks.RECORD_COMMITMENT, ravis);

        // the owner (rob himself) is not what is wrong: the account is
        assertRefused(instance, ravis, "record a commitment on");
        assertThat(commitments.openOf(ravis)).isEmpty();
    }

    @Test
    void checkCommitmentsOnAnAccountTheLauncherMayNotActOnIsAnIncidentAndReadsNothing() {
        long ravis = account("ravi");

        long instance = launchAndAnswer(Blocks.CHECK_COMMITMENTS, ravis);

        assertRefused(instance, ravis, "read the commitments of");
    }

    @Test
    void reassignOwnerOnAnAccountTheLauncherMayNotMoveIsAnIncidentEvenWhenItWouldNotChangeHands() {
        long ravis = account("ravi");

        // newOwner is ravi, who owns it already: before, the block skipped every check and answered
        // with the account's owner and their manager
        long instance = launchAndAnswer(Blocks.REASSIGN_OWNER, ravis);

        assertRefused(instance, ravis, "move");
        assertThat(accounts.get(ravis).ownerUsername()).isEqualTo("ravi");
    }

    @Test
    void sendEmailAboutAnAccountTheLauncherMayNotActOnIsAnIncidentAndMailsNobody() {
        long ravis = account("ravi");
        String customer = "ops" + ThreadLocalRandom.current().nextInt(1_000_000) + "@customer.example";
        primaryContact(ravis, "Ana Customer", customer);

        long instance = launchAndAnswer(Blocks.SEND_EMAIL, ravis);

        assertRefused(instance, ravis, "send mail about");
        assertThat(mailsTo(customer, accounts.get(ravis).name())).isEmpty();
    }

    /** The incident names the step's accountId, the launcher and the rule's reason; the run goes no further. */
    private void assertRefused(long instance, long accountId, String what) {
        assertThat(awaitIncident(instance))
                .contains(
                        "input 'accountId'",
                        "the playbook's launcher Rob Jansen may not " + what + " account " + accountId,
                        "not in Rob Jansen's line");
        assertThat(new WorkerRecords(engine, WAIT).passed(instance)).doesNotContain("end_done");
    }

    private void upload(String type, Map<String, String> inputs) {
        upload(processId(type), type, inputs, "ada");
    }

    private void upload(String processId, String type, Map<String, String> inputs, String formAssignee) {
        uploadFormThenBlock(processId, FORM_ID, FORM, formAssignee, type, inputs);
    }

    /** Rob launches the block's playbook on an account of his own; Ada answers its form with {@code accountId}. */
    private long launchAndAnswer(String type, long accountId) {
        long instance = launch(processId(type));
        Task pick = awaitTask(instance, "task_form");
        ResponseEntity<Map> completed = answer("ada", pick, accountId);
        assertThat(completed.getStatusCode()).as("%s", completed.getBody()).isEqualTo(HttpStatus.OK);
        return instance;
    }

    /** Rob launches the playbook on an account of his own. */
    private long launch(String processId) {
        return launch("rob", processId, Map.of("accountId", account("rob")));
    }

    private ResponseEntity<Map> answer(String username, Task pick, Object accountId) {
        return answer(username, pick, Map.of("accountId", accountId));
    }

    private static String processId(String type) {
        return "other-account-" + type.replace('.', '-');
    }
}
