package dev.baton.engine;

import dev.baton.blocks.BlockInputError;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How the app's {@code @JobWorker}s fail (replaces the SDK's default strategy, which still fails the
 * job: a retry less for an exception, as a {@link JobError} says, a {@link BpmnError} thrown in the
 * model). The one place where a job failing for good shows: any failure that leaves the job no
 * retries, an engine incident, is listed on the admins' problems page naming the step, the playbook,
 * the tries and the cause, whichever feature's worker it is (found by a probe: a commitment's,
 * renewal's or stewardship's step failing on its last retry held its run on an incident no page
 * showed). A {@link BpmnError} is a modelled outcome, never listed. A feature that listed the failure
 * in its own words first (a handover's transfer) is not listed twice ({@link JobProblems#list} finds
 * the job listed). {@link JobSuccesses} resolves the problem once the step goes through.
 *
 * <p>A building block's missing or wrong input ({@link BlockInputError}) can never pass: the job
 * fails at once with no retries left, its incident's message naming the step (its name in the
 * model), its element id, the block and the input.
 */
@Component
class JobFailures implements JobExceptionHandlingStrategy {

    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

    private final JobExceptionHandlingStrategy sdk;
    private final ProcessModels models;
    private final OpenProblemJobs problems;
    private final List<JobSubjects> subjects;

    @Autowired
    JobFailures(
            CommandExceptionHandlingStrategy commands,
            MetricsRecorder metrics,
            ProcessModels models,
            OpenProblemJobs problems,
            List<JobSubjects> subjects) {
        this(new DefaultJobExceptionHandlingStrategy(commands, metrics), models, problems, subjects);
    }

    JobFailures(
            JobExceptionHandlingStrategy sdk,
            ProcessModels models,
            OpenProblemJobs problems,
            List<JobSubjects> subjects) {
        this.sdk = sdk;
        this.models = models;
        this.problems = problems;
        this.subjects = subjects;
    }

    @Override
    public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
        ActivatedJob job = context.job();
        Exception failure = exception instanceof BlockInputError input
                ? CamundaError.jobError(step(job) + ": " + input.getMessage(), null, 0)
                : exception;
        if (leavesNoRetries(failure, job)) {
            list(job, failure, exception instanceof BlockInputError);
        }
        sdk.handleException(failure, context);
    }

    /** As the SDK fails it: a job error with the retries it gives (else one less), any other exception one less. */
    static boolean leavesNoRetries(Exception failure, ActivatedJob job) {
        if (failure instanceof BpmnError) {
            return false;
        }
        Integer given = failure instanceof JobError error ? error.getRetries() : null;
        return (given == null ? job.getRetries() - 1 : given) <= 0;
    }

    /** Never throws: the incident stands in the engine, listed or not. */
    private void list(ActivatedJob job, Exception failure, boolean input) {
        try {
            String message;
            int tries;
            if (input) {
                message = ((JobError) failure).getErrorMessage();
                tries = 1;
            } else {
                int retries = models.retries(job.getProcessDefinitionKey(), job.getBpmnProcessId(), job.getElementId());
                tries = Math.max(1, retries - job.getRetries() + 1);
                message = step(job) + subject(job) + (tries == 1 ? " failed" : " failed " + tries + " times")
                        + ", the run waits on an engine incident: " + JobProblems.reason(failure);
            }
            log.warn("job {} failed for good, an engine incident: {}", job.getKey(), message);
            problems.list(job, tries, message);
        } catch (RuntimeException e) {
            log.error("job {} failed for good, not listed for the admins: {}", job.getKey(), e.toString());
        }
    }

    /** E.g. "Step 'Mail the owner' (task_mail_owner, baton.send-email) of playbook 'Check-in'". */
    String step(ActivatedJob job) {
        long definition = job.getProcessDefinitionKey();
        String step = models.elementName(definition, job.getBpmnProcessId(), job.getElementId());
        String playbook = models.processName(definition, job.getBpmnProcessId());
        return "Step '" + (step == null ? UserTaskHeaders.nameOf(job.getElementId()) : step) + "' ("
                + job.getElementId() + ", " + job.getType() + ") of playbook '"
                + (playbook == null ? job.getBpmnProcessId() : playbook) + "'";
    }

    /** E.g. " for lead 7", or "" when no feature names the job's subject. */
    private String subject(ActivatedJob job) {
        for (JobSubjects feature : subjects) {
            try {
                String subject = feature.subjectOf(job);
                if (subject != null && !subject.isBlank()) {
                    return " for " + subject;
                }
            } catch (RuntimeException e) {
                log.warn("no subject for job {}: {}", job.getKey(), e.toString());
            }
        }
        return "";
    }
}
