package dev.baton.playbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.Bpmn.Variables;
import dev.baton.engine.EngineIntegrationTest;
import dev.baton.engine.WorkerRecords;
import dev.baton.task.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * sample-review with the real worker (ReviewRecorder) on the in-memory engine: the review is done
 * by a person through the task API, the worker completes its job on its own (autoComplete).
 */
class SampleReviewWorkerProcessTests extends EngineIntegrationTest {

    @Test
    void theRecorderCompletesItsJobWithTheReviewConfirmedOnceThePersonHasReviewed() throws Exception {
        WorkerRecords sent = new WorkerRecords(engine, WAIT);
        long instance = startReview(null);
        Task review = awaitTaskOf(instance);
        assertThat(post("rob", review, "claim").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(as("rob")
                        .postForEntity(
                                "/api/tasks/" + review.getId() + "/complete",
                                Map.of("reviewSummary", "Healthy", "healthScore", 8, "renewalRisk", "low"),
                                Map.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(sent.awaitCompleted(instance, SampleReviewBpmn.RECORD_REVIEW_JOB_TYPE))
                .isEqualTo(Map.of(Variables.REVIEW_RECORDED, true));
        sent.awaitEnded(instance);
        assertThat(sent.passed(instance))
                .containsSubsequence(
                        SampleReviewBpmn.TASK_REVIEW_ACCOUNT,
                        SampleReviewBpmn.TASK_RECORD_REVIEW,
                        SampleReviewBpmn.END);
    }
}
