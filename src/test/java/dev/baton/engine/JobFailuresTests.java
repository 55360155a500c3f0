package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.baton.blocks.BlockInputError;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Found by a probe: a commitment's, renewal's or stewardship's step failing on its last retry became
 * an engine incident only, its run waiting for ever with nothing on the admins' problems page (only
 * some features listed their own). Every job's final failure is listed here, once, in words an admin
 * understands; the SDK still fails the job.
 */
class JobFailuresTests {

    /** Its default method (listing once per step and cause) runs for real; the queries are stubbed. */
    final JobProblems problems = mock(JobProblems.class, CALLS_REAL_METHODS);

    final JobExceptionHandlingStrategy sdk = mock(JobExceptionHandlingStrategy.class);
    final ProcessModels models = mock(ProcessModels.class);
    final JobFailures failures = new JobFailures(
            sdk,
            models,
            new OpenProblemJobs(
                    problems,
                    Clock.fixed(Instant.parse("2026-12-04T20:00:00Z"), ZoneOffset.UTC),
                    models,
                    (ActiveElements) null,
                    org.springframework.transaction.support.TransactionOperations.withoutTransaction(),
                    mock(dev.baton.shared.AdvisoryLocks.class)),
            List.of(job -> null, job -> "lead " + job.getVariablesAsMap().get("leadId")));
    final ActivatedJob job = mock(ActivatedJob.class);
    final ExceptionHandlingContext context = new ExceptionHandlingContext(mock(JobClient.class), job, null);

    JobFailuresTests() {
        when(job.getKey()).thenReturn(11L);
        when(job.getProcessInstanceKey()).thenReturn(22L);
        when(job.getProcessDefinitionKey()).thenReturn(33L);
        when(job.getBpmnProcessId()).thenReturn("lead-follow-up");
        when(job.getElementId()).thenReturn("task_assign_lead");
        when(job.getType()).thenReturn("baton-lead-assign");
        when(job.getVariablesAsMap()).thenReturn(Map.of("leadId", 7));
        when(models.elementName(33L, "lead-follow-up", "task_assign_lead")).thenReturn("Assign lead");
        when(models.processName(33L, "lead-follow-up")).thenReturn("Lead follow-up");
        when(models.retries(33L, "lead-follow-up", "task_assign_lead")).thenReturn(3);
    }

    @Test
    void anExceptionOnTheLastRetryIsListedNamingTheStepPlaybookSubjectTriesAndCause() throws Exception {
        IllegalStateException cause =
                new IllegalStateException("no working hours within 1098 days: check baton.leads.working-days");
        when(job.getRetries()).thenReturn(2);
        failures.handleException(cause, context);
        verify(problems, never()).save(any());

        when(job.getRetries()).thenReturn(1);
        failures.handleException(cause, context);

        assertThat(listed().getMessage())
                .isEqualTo("Step 'Assign lead' (task_assign_lead, baton-lead-assign) of playbook 'Lead follow-up' for"
                        + " lead 7 failed 3 times, the run waits on an engine incident: no working hours within 1098"
                        + " days: check baton.leads.working-days");
        assertThat(listed().getDeliveries()).isEqualTo(3);
        verify(sdk, org.mockito.Mockito.times(2)).handleException(same(cause), same(context));
    }

    @Test
    void aDatabaseRefusalIsListedInTheDatabasesOwnWordsItsFirstLine() throws Exception {
        when(job.getRetries()).thenReturn(1);

        failures.handleException(
                new DataIntegrityViolationException(
                        "could not execute statement [update account set owner_id=?]",
                        new SQLException("ERROR: the test refuses to move account 5\n  Where: PL/pgSQL function")),
                context);

        assertThat(listed().getMessage())
                .endsWith("the run waits on an engine incident: ERROR: the test refuses to move account 5");
    }

    @Test
    void aJobErrorLeavingNoRetriesIsListedAtOnceAsOneTry() throws Exception {
        when(job.getRetries()).thenReturn(3);
        JobError refused = CamundaError.jobError("renewal decision refused: decision: unknown", Map.of(), 0);

        failures.handleException(refused, context);

        assertThat(listed().getMessage())
                .endsWith("for lead 7 failed, the run waits on an engine incident: renewal decision refused:"
                        + " decision: unknown");
        assertThat(listed().getDeliveries()).isEqualTo(1);
        verify(sdk).handleException(same(refused), same(context));
    }

    @Test
    void aJobErrorThatLeavesRetriesIsNotListedOneThatTakesTheSdksRetryLessIs() throws Exception {
        when(job.getRetries()).thenReturn(1);
        failures.handleException(CamundaError.jobError("try again later", null, 2), context);
        verify(problems, never()).save(any());

        failures.handleException(CamundaError.jobError("mail server down"), context);
        assertThat(listed().getMessage()).endsWith(": mail server down");
    }

    @Test
    void aBpmnErrorIsAModelledOutcomeNeverListed() throws Exception {
        when(job.getRetries()).thenReturn(1);

        failures.handleException(CamundaError.bpmnError("ACCOUNT_GONE", "the account was deleted"), context);

        verify(problems, never()).save(any());
        verify(sdk).handleException(argThat(e -> e instanceof io.camunda.client.exception.BpmnError), same(context));
    }

    @Test
    void aBlockInputErrorFailsTheJobAtOnceNamingTheStepAndTheInputAndIsListed() throws Exception {
        when(job.getRetries()).thenReturn(3);

        failures.handleException(new BlockInputError("dueDate", "'soon' is not a date"), context);

        String text = "Step 'Assign lead' (task_assign_lead, baton-lead-assign) of playbook 'Lead follow-up':"
                + " input 'dueDate': 'soon' is not a date";
        ArgumentCaptor<Exception> failed = ArgumentCaptor.forClass(Exception.class);
        verify(sdk).handleException(failed.capture(), same(context));
        assertThat(failed.getValue()).isInstanceOfSatisfying(JobError.class, e -> {
            assertThat(e.getErrorMessage()).isEqualTo(text);
            assertThat(e.getRetries()).isZero();
        });
        assertThat(listed().getMessage()).isEqualTo(text);
        assertThat(listed().getDeliveries()).isEqualTo(1);
    }

    @Test
    void aFailureListedByItsFeatureFirstIsNotListedAgain() throws Exception {
        when(job.getRetries()).thenReturn(1);
        when(problems.existsByJobKey(11L)).thenReturn(true); // e.g. a handover's transfer, in its own words

        failures.handleException(CamundaError.jobError("Transfer failed: ...", null, 0), context);

        verify(problems, never()).save(any());
    }

    @Test
    void theJobStillFailsWhenNothingCanBeListed() throws Exception {
        when(job.getRetries()).thenReturn(1);
        when(models.retries(anyLong(), anyString(), anyString())).thenThrow(new IllegalStateException("no model"));
        IllegalStateException cause = new IllegalStateException("boom");

        failures.handleException(cause, context);

        verify(sdk).handleException(same(cause), same(context));
    }

    private JobProblem listed() {
        ArgumentCaptor<JobProblem> listed = ArgumentCaptor.forClass(JobProblem.class);
        verify(problems).save(listed.capture());
        return listed.getValue();
    }
}
