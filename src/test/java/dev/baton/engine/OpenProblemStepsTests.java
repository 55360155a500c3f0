package dev.baton.engine;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.baton.engine.JobProblems.OpenStep;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A listed step that goes through is marked resolved, whoever got it going again (found by probe 37
 * for a lead's steps, which resolved their own; now every worker's); and a job at a step with no
 * problem, the common case every job pays for, touches no database.
 */
class OpenProblemStepsTests {

    static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");

    final JobProblems problems = mock(JobProblems.class);
    final OpenProblemSteps open = new OpenProblemSteps(problems, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aStepListedHereThatGoesThroughIsResolvedOnce() {
        open.list(job(22L, "task_assign_lead"), 3, "Step 'Assign lead' ... failed 3 times");

        open.wentThrough(job(22L, "task_assign_lead"));
        open.wentThrough(job(22L, "task_assign_lead"));

        verify(problems).resolve(22L, "task_assign_lead", "the step went through", NOW);
    }

    @Test
    void aJobAtAStepWithNoProblemTouchesNoDatabase() {
        open.wentThrough(job(22L, "task_assign_lead"));
        open.list(job(22L, "task_assign_lead"), 3, "failed");

        open.wentThrough(job(22L, "task_remind_owner"));
        open.wentThrough(job(23L, "task_assign_lead"));

        verify(problems, never()).resolve(anyLong(), anyString(), anyString(), any());
    }

    @Test
    void aRefreshLearnsTheProblemsListedElsewhereAndForgetsThoseResolvedElsewhere() {
        open.list(job(22L, "task_assign_lead"), 3, "failed");
        when(problems.findOpenSteps()).thenReturn(List.of(new OpenStep(40L, "task_close_review")));

        open.refresh();
        open.wentThrough(job(22L, "task_assign_lead"));
        open.wentThrough(job(40L, "task_close_review"));

        verify(problems, never()).resolve(22L, "task_assign_lead", "the step went through", NOW);
        verify(problems).resolve(40L, "task_close_review", "the step went through", NOW);
    }

    @Test
    void aStepListedWhileTheRefreshReadsIsKept() {
        when(problems.findOpenSteps()).thenAnswer(read -> {
            open.list(job(22L, "task_assign_lead"), 3, "failed"); // committed after the query read
            return List.of();
        });

        open.refresh();
        open.wentThrough(job(22L, "task_assign_lead"));

        verify(problems).resolve(22L, "task_assign_lead", "the step went through", NOW);
    }

    @Test
    void theDatabaseDownKeepsWhatWasKnownAndTheJobGoesOn() {
        open.list(job(22L, "task_assign_lead"), 3, "failed");
        when(problems.findOpenSteps()).thenThrow(new IllegalStateException("database down"));
        when(problems.resolve(anyLong(), anyString(), anyString(), any()))
                .thenThrow(new IllegalStateException("database down"))
                .thenReturn(1);

        open.refresh();
        open.wentThrough(job(22L, "task_assign_lead")); // does not throw
        open.wentThrough(job(22L, "task_assign_lead")); // still known: resolved now

        verify(problems, org.mockito.Mockito.times(2)).resolve(22L, "task_assign_lead", "the step went through", NOW);
        verify(problems).findOpenSteps();
        verify(problems).list(any(), org.mockito.ArgumentMatchers.anyInt(), anyString());
        verifyNoMoreInteractions(problems);
    }

    static ActivatedJob job(long processInstanceKey, String elementId) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getProcessInstanceKey()).thenReturn(processInstanceKey);
        when(job.getElementId()).thenReturn(elementId);
        return job;
    }
}
