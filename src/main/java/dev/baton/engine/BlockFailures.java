package dev.baton.engine;

import dev.baton.blocks.BlockInputError;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How the app's {@code @JobWorker}s fail (replaces the SDK's default strategy, which it otherwise
 * follows): a building block's missing or wrong input ({@link BlockInputError}) can never pass, so
 * the job fails with no retries left, an engine incident whose message names the step (its name in
 * the model), its element id, the block and the input, and the problem is listed on the admins'
 * problems page. Any other exception takes the SDK's way (a retry less, then an incident).
 */
@Component
class BlockFailures implements JobExceptionHandlingStrategy {

    private static final Logger log = LoggerFactory.getLogger(BlockFailures.class);

    private final JobExceptionHandlingStrategy sdk;
    private final ProcessModels models;
    private final JobProblems problems;

    BlockFailures(
            CommandExceptionHandlingStrategy commands,
            MetricsRecorder metrics,
            ProcessModels models,
            JobProblems problems) {
        this.sdk = new DefaultJobExceptionHandlingStrategy(commands, metrics);
        this.models = models;
        this.problems = problems;
    }

    @Override
    public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
        if (!(exception instanceof BlockInputError input)) {
            sdk.handleException(exception, context);
            return;
        }
        ActivatedJob job = context.job();
        String text = message(job, input);
        log.warn("block job {} failed as an incident: {}", job.getKey(), text);
        sdk.handleException(CamundaError.jobError(text, null, 0), context);
        problems.list(job, 1, text);
    }

    /** E.g. "Step 'Mail the owner' (task_mail_owner, baton.send-email) of playbook 'Check-in': input 'to': ...". */
    String message(ActivatedJob job, BlockInputError error) {
        long definition = job.getProcessDefinitionKey();
        String step = models.elementName(definition, job.getBpmnProcessId(), job.getElementId());
        String playbook = models.processName(definition, job.getBpmnProcessId());
        return "Step '" + (step == null ? UserTaskHeaders.nameOf(job.getElementId()) : step) + "' ("
                + job.getElementId() + ", " + job.getType() + ") of playbook '"
                + (playbook == null ? job.getBpmnProcessId() : playbook) + "': " + error.getMessage();
    }
}
