package dev.baton.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.account.InteractionService;
import dev.baton.account.InteractionView;
import dev.baton.commitment.CommitmentService;
import dev.baton.engine.WorkerRecords;
import dev.baton.task.Task;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;

/**
 * Found by a hostile probe: form fields become process variables, and {@code baton.record-interaction}
 * took its {@code by} (and {@code baton.record-commitment} its {@code madeBy}) from them, accepting any
 * active person. Rob, answering a step of a playbook he launched on his own account, logged a call "by"
 * Ravi and recorded a promise "made by" his manager. The API writes both only in the signed-in
 * person's name; a block now writes in the launcher's, the account owner's, or that of someone the
 * launcher may act for, and is otherwise an incident naming the input, changing nothing. One playbook
 * per block, uploaded by the admin: a form for the account's owner asking who it was, then the block.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockAuthorsIntegrationTests extends BlockProcessTest {

    static final String INTERACTION = "who-logged-it";
    static final String COMMITMENT = "who-promised-it";

    @Autowired
    InteractionService interactions;

    @Autowired
    CommitmentService commitments;

    @BeforeAll
    void upload() {
        uploadFormThenBlock(
                INTERACTION,
                INTERACTION,
                oneFieldForm(INTERACTION, "textfield", "by", "Who talked to them?"),
                "=accountOwner",
                Blocks.RECORD_INTERACTION,
                Map.of("kind", "CALL", "summary", "Talked about the renewal"));
        uploadFormThenBlock(
                COMMITMENT,
                COMMITMENT,
                oneFieldForm(COMMITMENT, "textfield", "madeBy", "Who promised it?"),
                "=accountOwner",
                Blocks.RECORD_COMMITMENT,
                Map.of("description", "A discount next year", "dueDate", "P30D"));
    }

    @Test
    void aRepAnsweringAStepMayNotLogACallInAnotherRepsName() {
        long robs = account("rob");

        long instance = launchAndAnswer("rob", INTERACTION, robs, Map.of("by", "ravi"));

        assertThat(awaitIncident(instance))
                .contains(
                        "input 'by'",
                        "the playbook's launcher Rob Jansen may not log the interaction in Ravi Shankar's name",
                        "nor in Rob Jansen's line");
        assertThat(new WorkerRecords(engine, WAIT).passed(instance)).doesNotContain("end_done");
        assertThat(interactions.forAccount(robs, Pageable.ofSize(10))).isEmpty();
    }

    @Test
    void aRepAnsweringAStepMayNotRecordAPromiseAsMadeByTheirManager() {
        long robs = account("rob");

        long instance = launchAndAnswer("rob", COMMITMENT, robs, Map.of("madeBy", "maria"));

        assertThat(awaitIncident(instance))
                .contains(
                        "input 'madeBy'",
                        "the playbook's launcher Rob Jansen may not record the commitment in Maria Rossi's name",
                        "nor in Rob Jansen's line");
        assertThat(commitments.openOf(robs)).isEmpty();
    }

    @Test
    void whoeverAnswersTheStepARunOfAManagerMayLogInTheNameOfSomeoneInTheirLine() {
        long robs = account("rob");

        // maria launches; rob answers, naming rita, who is in maria's line: the launcher's rights count
        long instance = launchAndAnswer("maria", INTERACTION, robs, Map.of("by", "rita"));

        awaitOutputs(instance, Blocks.RECORD_INTERACTION);
        assertThat(interactions.forAccount(robs, Pageable.ofSize(10)))
                .singleElement()
                .returns("rita", InteractionView::byUsername);
    }

    /** {@code launcher} launches the playbook on the account; its owner rob answers the form. */
    private long launchAndAnswer(String launcher, String processId, long accountId, Map<String, Object> answer) {
        long instance = launch(launcher, processId, Map.of("accountId", accountId));
        Task form = awaitTask(instance, "task_form");
        assertThat(answer("rob", form, answer).getStatusCode()).isEqualTo(HttpStatus.OK);
        return instance;
    }
}
