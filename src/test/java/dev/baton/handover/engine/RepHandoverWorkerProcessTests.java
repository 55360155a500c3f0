package dev.baton.handover.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.baton.handover.HandoverStatus;
import dev.baton.handover.engine.HandoverBpmn.Jobs;
import dev.baton.handover.engine.HandoverBpmn.Rep;
import dev.baton.handover.engine.HandoverBpmn.Vars;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** rep-handover.bpmn with the real workers: the start recorded, the accounts handed over, the summary sent. */
class RepHandoverWorkerProcessTests extends HandoverWorkerProcessTest {

    @Test
    void theWorkersRecordTheStartFindNothingOrphanedAndCompleteTheHandover() {
        long id = launch(successor);
        long instance = repInstance(id);
        assertThat(sent.awaitCompleted(instance, Jobs.RECORD_START))
                .as("recording the start adds no variable")
                .isEmpty();
        assertThat(handovers.findById(id).orElseThrow().getStatus()).isEqualTo(HandoverStatus.RUNNING);

        handOverTheAccount();

        assertThat(sent.awaitCompleted(instance, Jobs.CHECK_ORPHANS)).isEqualTo(Map.of(Vars.ORPHANS, 0));
        assertThat(sent.awaitCompleted(instance, Jobs.SEND_SUMMARY)).isEmpty();
        sent.awaitEnded(instance);
        await().atMost(WAIT).until(() -> handovers.findById(id).orElseThrow().getStatus() == HandoverStatus.COMPLETED);
        assertThat(sent.passed(instance))
                .containsSubsequence(
                        Rep.TASK_RECORD_START,
                        Rep.CALL_ACCOUNT_HANDOVERS,
                        Rep.TASK_CHECK_ORPHANS,
                        Rep.TASK_SEND_SUMMARY,
                        Rep.END)
                .doesNotContain(Rep.TASK_RESOLVE_ORPHANS);
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where owner_id = ?", Long.class, departing.getId()))
                .isZero();
    }
}
