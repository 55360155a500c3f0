package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An incident's message as a run's page and API show it to anyone signed in. */
class LoggedIncidentsTests {

    @Test
    void aWorkersFailureShowsItsMessageWithoutTheExceptionTypeOrStackTrace() {
        String failed = "io.camunda.client.exception.JobError: Step 'Move' (task_move, baton.reassign-owner) of"
                + " playbook 'Probe': input 'newOwner': rob may not move the account to ravi\n"
                + "\tat dev.baton.blocks.BlockFailures.refuse(BlockFailures.java:42)\n"
                + "\tat dev.baton.account.engine.AccountBlocks.reassignOwner(AccountBlocks.java:90)\n";

        assertThat(LoggedIncidents.readable(failed))
                .isEqualTo("Step 'Move' (task_move, baton.reassign-owner) of playbook 'Probe': input 'newOwner':"
                        + " rob may not move the account to ravi");
    }

    @Test
    void theEnginesOwnMessageIsShownAsItIs() {
        String engine = "Expected result of the expression 'duration(waitFor)' to be 'DURATION', but was 'NULL'."
                + " The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found";

        assertThat(LoggedIncidents.readable(engine)).isEqualTo(engine);
        assertThat(LoggedIncidents.readable(null)).isNull();
    }
}
