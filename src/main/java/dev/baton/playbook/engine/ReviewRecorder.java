package dev.baton.playbook.engine;

import dev.baton.engine.Bpmn.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The sample playbook's automated step. It only confirms the review in a variable, which is
 * idempotent by nature: a second delivery of the job sets the same value. It completes the job
 * itself because application.yml turns auto-completion off for all workers (and that default wins
 * over the annotation). Public because the Spring SDK invokes worker methods reflectively.
 */
@Component
public class ReviewRecorder {

  @JobWorker(type = SampleReviewBpmn.RECORD_REVIEW_JOB_TYPE, fetchVariables = Variables.ACCOUNT_ID)
  public void recordReview(JobClient client, ActivatedJob job) {
    client.newCompleteCommand(job).variables(Map.of(Variables.REVIEW_RECORDED, true)).send().join();
  }
}
