package dev.baton.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.jobhandling.result.DefaultResultProcessorStrategy;
import io.camunda.client.jobhandling.result.DocumentResultProcessorFailureHandlingStrategy;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How the app's {@code @JobWorker}s' results are processed (replaces the SDK's default strategy,
 * which still does it): a job whose worker returned, and which the SDK now completes, went through,
 * so a problem still listed for it ({@link JobFailures}) is marked resolved: an admin gave it
 * retries in the engine (a feature that starts a step anew, a new job, resolves its own problem).
 * Every successful job passes here: the common case costs an in-memory look-up ({@link
 * OpenProblemJobs}), no database round trip. A worker that completes its jobs itself ({@code
 * autoComplete = false}) is left out: its return says nothing of the job.
 */
@Component
class JobSuccesses implements ResultProcessorStrategy {

    private final ResultProcessorStrategy sdk;
    private final OpenProblemJobs problems;

    @Autowired
    JobSuccesses(
            CamundaClient client, DocumentResultProcessorFailureHandlingStrategy documents, OpenProblemJobs problems) {
        this(new DefaultResultProcessorStrategy(client, documents), problems);
    }

    JobSuccesses(ResultProcessorStrategy sdk, OpenProblemJobs problems) {
        this.sdk = sdk;
        this.problems = problems;
    }

    @Override
    public ResultProcessor createProcessor(MethodInfo method) {
        ResultProcessor processor = sdk.createProcessor(method);
        // the annotation's flag: application.yml sets no worker default that would override it
        if (!method.getAnnotation(JobWorker.class).map(JobWorker::autoComplete).orElse(false)) {
            return processor;
        }
        return new ResultProcessor() {
            @Override
            public Object process(ResultProcessorContext context) {
                Object result = processor.process(context);
                problems.wentThrough(context.getJob());
                return result;
            }
        };
    }
}
