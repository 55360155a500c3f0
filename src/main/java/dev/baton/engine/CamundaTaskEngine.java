package dev.baton.engine;

import dev.baton.task.TaskEngine;
import dev.baton.task.TaskEngine.Refused;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The task inbox's view of the engine: user-task jobs are completed and kept locked here. */
@Component
class CamundaTaskEngine implements TaskEngine {

    private final CamundaClient client;

    CamundaTaskEngine(CamundaClient client) {
        this.client = client;
    }

    @Override
    public void complete(long jobKey, Map<String, Object> variables) throws JobGone {
        try {
            client.newCompleteCommand(jobKey).variables(variables).send().join();
        } catch (RuntimeException e) {
            throw goneOrRethrow(jobKey, e);
        }
    }

    @Override
    public void extendLock(long jobKey, Duration duration) throws JobGone {
        try {
            client.newUpdateTimeoutCommand(jobKey).timeout(duration).send().join();
        } catch (RuntimeException e) {
            throw goneOrRethrow(jobKey, e);
        }
    }

    @Override
    public Duration callTimeout() {
        return client.getConfiguration().getDefaultRequestTimeout();
    }

    /**
     * NOT_FOUND (gRPC) or 404 (REST) means the job is gone; RESOURCE_EXHAUSTED (429/503) is the
     * broker's back-pressure, which turns a command away before processing it; anything else (a
     * deadline, a dropped connection) may have been carried out: worth a retry, outcome unknown.
     */
    private static JobGone goneOrRethrow(long jobKey, RuntimeException e) {
        boolean gone = (e instanceof ClientStatusException s && s.getStatusCode() == Status.Code.NOT_FOUND)
                || (e instanceof ClientHttpException h && h.code() == 404);
        if (gone) {
            return new JobGone(jobKey, e);
        }
        String reason = refusal(e);
        if (reason != null) {
            throw new Refused(jobKey, reason, e);
        }
        if (EngineFailures.turnedAway(e)) {
            throw new NotTaken(jobKey, e);
        }
        throw e;
    }

    /**
     * A refusal no retry mends, in words for the person whose answer it was, or null: an invalid
     * command (gRPC INVALID_ARGUMENT, REST 400), or one too large for the engine's messages (gRPC
     * RESOURCE_EXHAUSTED naming the message size, which back-pressure never does; REST 413).
     */
    static String refusal(RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String text = String.valueOf(e.getMessage()) + " " + String.valueOf(cause.getMessage());
        boolean tooLarge =
                text.contains("exceeds maximum") || text.contains("too large") || text.contains("max message size");
        if ((e instanceof ClientStatusException s
                        && (s.getStatusCode() == Status.Code.INVALID_ARGUMENT
                                || s.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED && tooLarge))
                || (e instanceof ClientHttpException h && (h.code() == 400 || h.code() == 413))) {
            return tooLarge
                    ? "the answer is too large for the process engine; shorten it and complete the task again"
                    : "the process engine refused the answer (" + text.strip() + ")";
        }
        return null;
    }
}
