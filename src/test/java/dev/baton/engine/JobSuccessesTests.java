package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A worker's job that goes through reaches the open problems, after the SDK processed its result. */
class JobSuccessesTests {

    final OpenProblemJobs open = mock(OpenProblemJobs.class);
    final ResultProcessor sdkProcessor = mock(ResultProcessor.class);
    final ResultProcessorStrategy sdk = mock(ResultProcessorStrategy.class);
    final JobSuccesses successes = new JobSuccesses(sdk, open);
    final MethodInfo method = mock(MethodInfo.class);
    final ActivatedJob job = mock(ActivatedJob.class);

    JobSuccessesTests() {
        when(sdk.createProcessor(method)).thenReturn(sdkProcessor);
    }

    @Test
    void anAutoCompletedJobThatReturnedWentThrough() {
        JobWorker worker = mock(JobWorker.class);
        when(worker.autoComplete()).thenReturn(true);
        when(method.getAnnotation(JobWorker.class)).thenReturn(Optional.of(worker));
        ResultProcessorContext context = new ResultProcessorContext(Map.of("a", 1), job);
        when(sdkProcessor.process(context)).thenReturn(Map.of("a", 1));

        assertThat(successes.createProcessor(method).process(context)).isEqualTo(Map.of("a", 1));

        verify(open).wentThrough(job);
    }

    @Test
    void aWorkerThatCompletesItsJobsItselfIsLeftAsTheSdkHasIt() {
        JobWorker worker = mock(JobWorker.class);
        when(worker.autoComplete()).thenReturn(false);
        when(method.getAnnotation(JobWorker.class)).thenReturn(Optional.of(worker));

        assertThat(successes.createProcessor(method)).isSameAs(sdkProcessor);
        verify(open, never()).wentThrough(job);
    }
}
