package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** A job Baton keeps failing to store is not retried silently forever: the third delivery raises an incident. */
class UndeliverableJobsTests {

    /** Its default method (listing once) runs for real; the repository methods are stubbed. */
    final JobProblems problems = mock(JobProblems.class, CALLS_REAL_METHODS);

    final JobClient jobClient = mock(JobClient.class, RETURNS_DEEP_STUBS);
    final UndeliverableJobs undeliverable = new UndeliverableJobs(new OpenProblemJobs(
            problems,
            java.time.Clock.systemUTC(),
            mock(ProcessModels.class),
            (ActiveElements) null,
            org.springframework.transaction.support.TransactionOperations.withoutTransaction(),
            mock(dev.baton.shared.AdvisoryLocks.class)));
    final ActivatedJob job = mock(ActivatedJob.class);

    UndeliverableJobsTests() {
        when(job.getKey()).thenReturn(7L);
        when(job.getElementId()).thenReturn("Activity_0n3k9fz");
        when(job.getBpmnProcessId()).thenReturn("Process_1k2v9zt");
    }

    @Test
    void aPassingFailureIsLeftToTheEngineToOfferAgainUntilTheThirdDeliveryFailsTheJobForGood() {
        RuntimeException down = new IllegalStateException("database unreachable");
        undeliverable.failed(jobClient, job, down);
        undeliverable.failed(jobClient, job, down);
        verify(jobClient, never()).newFailCommand(anyLong());
        verify(problems, never()).save(any());

        undeliverable.failed(jobClient, job, down);

        verify(jobClient.newFailCommand(7L)).retries(0);
        ArgumentCaptor<JobProblem> recorded = ArgumentCaptor.forClass(JobProblem.class);
        verify(problems).save(recorded.capture());
        assertThat(recorded.getValue().getDeliveries()).isEqualTo(3);
        assertThat(recorded.getValue().getMessage())
                .isEqualTo(
                        "Step 'Activity_0n3k9fz' of playbook 'Process_1k2v9zt': Baton could not store this step as a "
                                + "task after 3 deliveries: database unreachable");
    }

    @Test
    void aDeliveryThatWorksInBetweenStartsTheCountAgain() {
        RuntimeException down = new IllegalStateException("database unreachable");
        undeliverable.failed(jobClient, job, down);
        undeliverable.failed(jobClient, job, down);
        undeliverable.stored(job);
        undeliverable.failed(jobClient, job, down);

        verify(problems, never()).save(any());
    }
}
