package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a failure for good is listed: one problem per step and cause, every failure counted on it,
 * the same job's too once an admin gave it retries (session 38's probe: the engine keeps the job's
 * key then, and the page kept "1 failure" and its first time).
 */
class JobProblemsTests {

    final JobProblems problems = mock(JobProblems.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));

    @Test
    void theSameJobFailingAgainAfterAnAdminGaveItRetriesCountsAgain() {
        JobProblem listed = new JobProblem(7L, 22L, "lead-follow-up", "task_assign_lead", 3, "failed: nobody");
        when(problems.findFirstByProcessInstanceKeyAndElementIdAndMessageAndResolvedAtIsNull(
                        22L, "task_assign_lead", "failed: nobody"))
                .thenReturn(Optional.of(listed));
        when(problems.save(any())).thenAnswer(saved -> saved.getArgument(0));

        problems.list(job(7L), 1, "failed: nobody");

        assertThat(listed.getFailures()).isEqualTo(2);
        assertThat(listed.getLastFailedAt()).isNotNull();
        assertThat(listed.getDeliveries()).isEqualTo(1);
        verify(problems).save(listed);
    }

    @Test
    void aJobListedByItsFeatureInOtherWordsIsNotListedAgain() {
        when(problems.findFirstByProcessInstanceKeyAndElementIdAndMessageAndResolvedAtIsNull(
                        22L, "task_assign_lead", "Step 'Assign lead' failed"))
                .thenReturn(Optional.empty());
        when(problems.existsByJobKey(7L)).thenReturn(true);

        problems.list(job(7L), 3, "Step 'Assign lead' failed");

        verify(problems, never()).save(any());
    }

    static ActivatedJob job(long jobKey) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getKey()).thenReturn(jobKey);
        when(job.getProcessInstanceKey()).thenReturn(22L);
        when(job.getElementId()).thenReturn("task_assign_lead");
        when(job.getBpmnProcessId()).thenReturn("lead-follow-up");
        return job;
    }
}
