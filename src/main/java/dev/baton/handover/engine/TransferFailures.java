package dev.baton.handover.engine;

import dev.baton.engine.JobProblems;
import dev.baton.engine.OpenProblemJobs;
import dev.baton.handover.HandoverSteps;
import dev.baton.handover.InvalidSuccessor;
import dev.baton.handover.StuckTransfer;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A transfer that failed for good must not stall the handover unseen (found by a probe: only a WARN
 * in the log, the account "Note being written" for ever). A refusal no retry cures (the successor
 * cannot own the account, a row is gone) stops the step at once, any other failure on its last retry:
 * the failure is kept on the handover's item ({@link HandoverSteps#transferFailed}), listed on the
 * admins' problems page, and the job failed with no retries left, an incident that holds the step
 * until its manager starts it again (another successor, or a retry). Earlier failures take the SDK's
 * way: a retry less. The manager who launched the handover is mailed ({@link HandoverSteps#transferFailed}).
 * The problem stays open until the step gets through ({@link #succeeded}), however it was started again.
 */
@Component
class TransferFailures {

    private static final Logger log = LoggerFactory.getLogger(TransferFailures.class);

    /** The retries account-handover.bpmn gives the transfer step: deliveries = this + 1 - retries left. */
    private static final int MODEL_RETRIES = 3;

    private final HandoverSteps steps;
    private final JobProblems problems;
    private final OpenProblemJobs listed;
    private final Clock clock;

    TransferFailures(HandoverSteps steps, JobProblems problems, OpenProblemJobs listed, Clock clock) {
        this.steps = steps;
        this.problems = problems;
        this.listed = listed;
        this.clock = clock;
    }

    /**
     * The transfer went through: a problem still listed for the step is over, whoever started it
     * again (its manager on the handover's page, or an admin resolving the incident in the engine).
     */
    void succeeded(ActivatedJob job, String successor) {
        problems.resolve(
                job.getProcessInstanceKey(),
                job.getElementId(),
                "the transfer went through: the account moved to " + successor,
                clock.instant());
    }

    /** The exception the worker throws for the failed transfer: the cause itself, or a job error with no retries. */
    RuntimeException failed(long itemId, ActivatedJob job, RuntimeException cause) {
        if (!permanent(cause) && job.getRetries() > 1) {
            return cause;
        }
        String problem = steps.transferFailed(
                itemId,
                JobProblems.reason(cause),
                new StuckTransfer(job.getProcessInstanceKey(), job.getElementInstanceKey()));
        log.warn("handover item {}: transfer failed for good (job {}): {}", itemId, job.getKey(), problem);
        listed.list(job, permanent(cause) ? 1 + MODEL_RETRIES - job.getRetries() : MODEL_RETRIES, problem);
        return CamundaError.jobError(problem, null, 0);
    }

    /**
     * A refusal by the domain: the same input is refused again, whatever the number of tries. A
     * successor who can no longer take over accounts ({@link InvalidSuccessor}: inactive, leaving, or no
     * longer of the launch's line, team or roles) is one: only another successor gets the account moving.
     */
    static boolean permanent(RuntimeException e) {
        return e instanceof InvalidSuccessor
                || e instanceof BadRequestException
                || e instanceof NotFoundException
                || e instanceof IllegalArgumentException;
    }
}
