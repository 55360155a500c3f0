package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

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

        problems.list(failure(7L, 1, "failed: nobody"));

        assertThat(listed.getFailures()).isEqualTo(2);
        assertThat(listed.getOpenJobKeys()).containsExactly(7L);
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

        problems.list(failure(7L, 3, "Step 'Assign lead' failed"));

        verify(problems, never()).save(any());
    }

    /**
     * Found by session 38's review: a multi-instance step's two instances failing for one cause shared
     * one problem that kept only the last job, so the first going through resolved nothing and the
     * second resolved it while the first still waited. The problem keeps both.
     */
    @Test
    void anotherJobOfTheStepFailingForTheSameCauseIsKeptBesideTheFirst() {
        JobProblem listed = new JobProblem(7L, 22L, "lead-follow-up", "task_assign_lead", 3, "failed: nobody");
        when(problems.findFirstByProcessInstanceKeyAndElementIdAndMessageAndResolvedAtIsNull(
                        22L, "task_assign_lead", "failed: nobody"))
                .thenReturn(Optional.of(listed));
        when(problems.save(any())).thenAnswer(saved -> saved.getArgument(0));

        problems.list(failure(8L, 3, "failed: nobody"));
        problems.list(failure(8L, 1, "failed: nobody")); // job 8 given retries, failing again

        assertThat(listed.getOpenJobKeys()).containsExactly(7L, 8L);
        assertThat(listed.getJobKey()).isEqualTo(8L);
        assertThat(listed.getFailures()).isEqualTo(3);
    }

    /** A failure of job {@code jobKey} at the assign step of lead-follow-up instance 22. */
    static JobProblem failure(long jobKey, int deliveries, String message) {
        return new JobProblem(jobKey, 22L, "lead-follow-up", "task_assign_lead", deliveries, message);
    }
}
