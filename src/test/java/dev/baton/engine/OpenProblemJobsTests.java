package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.baton.shared.AdvisoryLocks;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A listed job that goes through is marked resolved, whoever got it going again (found by probe 37
 * for a lead's steps, which resolved their own; now every worker's); another job of the same step
 * going through resolves nothing (probe 38: a multi-instance step's other instances resolved the one
 * that failed); and a job with no problem, the common case every job pays for, touches no database.
 */
class OpenProblemJobsTests {

    static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");

    final JobProblems problems = mock(JobProblems.class);
    final OpenProblemJobs open = new OpenProblemJobs(
            problems,
            Clock.fixed(NOW, ZoneOffset.UTC),
            mock(ProcessModels.class),
            (ActiveElements) null,
            TransactionOperations.withoutTransaction(),
            mock(AdvisoryLocks.class));

    @Test
    void aJobListedHereThatGoesThroughIsResolvedOnce() {
        open.list(job(7L), 3, "Step 'Assign lead' ... failed 3 times");

        open.wentThrough(job(7L));
        open.wentThrough(job(7L));

        verify(problems).resolveJob(7L, "the step went through", NOW);
    }

    @Test
    void anotherJobOfTheSameStepGoingThroughResolvesNothing() {
        ActivatedJob failed = job(7L);
        when(failed.getProcessInstanceKey()).thenReturn(22L);
        when(failed.getElementId()).thenReturn("task_check");
        open.list(failed, 3, "failed");

        ActivatedJob sibling = job(8L); // the multi-instance step's other instance, in the same run
        when(sibling.getProcessInstanceKey()).thenReturn(22L);
        when(sibling.getElementId()).thenReturn("task_check");
        open.wentThrough(sibling);

        verify(problems, never()).resolveJob(anyLong(), anyString(), any());
        verify(problems, never()).resolve(anyLong(), anyString(), anyString(), any());
    }

    @Test
    void aJobWithNoProblemTouchesNoDatabase() {
        open.wentThrough(job(7L));
        open.list(job(7L), 3, "failed");

        open.wentThrough(job(9L));

        verify(problems, never()).resolveJob(anyLong(), anyString(), any());
    }

    @Test
    void aRefreshLearnsTheProblemsListedElsewhereAndForgetsThoseResolvedElsewhere() {
        open.list(job(7L), 3, "failed");
        when(problems.findOpenJobKeys()).thenReturn(List.of(40L));

        open.refresh();
        open.wentThrough(job(7L));
        open.wentThrough(job(40L));

        verify(problems, never()).resolveJob(7L, "the step went through", NOW);
        verify(problems).resolveJob(40L, "the step went through", NOW);
    }

    @Test
    void aJobListedWhileTheRefreshReadsIsKept() {
        when(problems.findOpenJobKeys()).thenAnswer(read -> {
            open.list(job(7L), 3, "failed"); // committed after the query read
            return List.of();
        });

        open.refresh();
        open.wentThrough(job(7L));

        verify(problems).resolveJob(7L, "the step went through", NOW);
    }

    @Test
    void theDatabaseDownKeepsWhatWasKnownAndTheJobGoesOn() {
        open.list(job(7L), 3, "failed");
        when(problems.findOpenJobKeys()).thenThrow(new IllegalStateException("database down"));
        when(problems.resolveJob(anyLong(), anyString(), any()))
                .thenThrow(new IllegalStateException("database down"))
                .thenReturn(1);

        open.refresh();
        open.wentThrough(job(7L)); // does not throw
        open.wentThrough(job(7L)); // still known: resolved now

        verify(problems, org.mockito.Mockito.times(2)).resolveJob(7L, "the step went through", NOW);
        verify(problems).findOpenJobKeys();
        verify(problems).list(any(JobProblem.class));
        verifyNoMoreInteractions(problems);
    }

    /**
     * Found by session 38's review: a step's problem named the ids only and linked no run. It is listed
     * with the names its model gives and the run at the top of its calls, which the embedded engine knows.
     */
    @Test
    void aJobOfAnInstanceARunCalledIsListedWithThatRunAndTheNamesInItsModel() {
        ProcessModels models = mock(ProcessModels.class);
        ActiveElements engine = mock(ActiveElements.class);
        when(engine.callers(22L)).thenReturn(List.of(21L, 20L));
        when(models.processName(33L, "lead-follow-up")).thenReturn("Lead follow-up");
        when(models.elementName(33L, "lead-follow-up", "task_assign_lead")).thenReturn("Assign the lead");
        ActivatedJob job = job(7L);
        when(job.getProcessInstanceKey()).thenReturn(22L);
        when(job.getProcessDefinitionKey()).thenReturn(33L);
        when(job.getBpmnProcessId()).thenReturn("lead-follow-up");
        when(job.getElementId()).thenReturn("task_assign_lead");

        new OpenProblemJobs(
                        problems,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        models,
                        engine,
                        TransactionOperations.withoutTransaction(),
                        mock(AdvisoryLocks.class))
                .list(job, 3, "failed");

        ArgumentCaptor<JobProblem> listed = ArgumentCaptor.forClass(JobProblem.class);
        verify(problems).list(listed.capture());
        assertThat(listed.getValue().getRunKey()).isEqualTo(20L);
        assertThat(listed.getValue().getProcessInstanceKey()).isEqualTo(22L);
        assertThat(listed.getValue().getPlaybookName()).isEqualTo("Lead follow-up");
        assertThat(listed.getValue().getElementName()).isEqualTo("Assign the lead");
        assertThat(listed.getValue().getOpenJobKeys()).containsExactly(7L);
    }

    @Test
    void withoutTheEmbeddedEngineAJobsRunIsItsOwnInstance() {
        ActivatedJob job = job(7L);
        when(job.getProcessInstanceKey()).thenReturn(22L);

        open.list(job, 3, "failed");

        ArgumentCaptor<JobProblem> listed = ArgumentCaptor.forClass(JobProblem.class);
        verify(problems).list(listed.capture());
        assertThat(listed.getValue().getRunKey()).isEqualTo(22L);
    }

    static ActivatedJob job(long jobKey) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getKey()).thenReturn(jobKey);
        return job;
    }
}
