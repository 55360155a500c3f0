package dev.baton.process;

import dev.baton.process.Bpmn.SampleReview;
import dev.baton.process.Bpmn.Variables;
import io.camunda.client.annotation.JobWorker;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The sample playbook's automated step. It only confirms the review in a variable, which is
 * idempotent by nature: a second delivery of the job sets the same value.
 */
@Component
class ReviewRecorder {

  @JobWorker(type = SampleReview.RECORD_REVIEW_JOB_TYPE, autoComplete = true, fetchVariables = Variables.ACCOUNT_ID)
  Map<String, Object> recordReview() {
    return Map.of(Variables.REVIEW_RECORDED, true);
  }
}
