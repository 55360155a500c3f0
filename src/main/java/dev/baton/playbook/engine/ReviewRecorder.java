package dev.baton.playbook.engine;

import dev.baton.engine.Bpmn.Variables;
import io.camunda.client.annotation.JobWorker;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The sample playbook's automated step. It only confirms the review in a variable, which is
 * idempotent by nature: a second delivery of the job sets the same value. The SDK completes the job
 * with the returned variables. Public because the Spring SDK invokes worker methods reflectively.
 */
@Component
public class ReviewRecorder {

    /**
     * Needs no variable, but names one to fetch: with no {@code @Variable} parameter and no {@code
     * fetchVariables}, the SDK would fetch all of the instance's variables.
     */
    @JobWorker(
            type = SampleReviewBpmn.RECORD_REVIEW_JOB_TYPE,
            autoComplete = true,
            fetchVariables = Variables.ACCOUNT_ID)
    public Map<String, Object> recordReview() {
        return Map.of(Variables.REVIEW_RECORDED, true);
    }
}
