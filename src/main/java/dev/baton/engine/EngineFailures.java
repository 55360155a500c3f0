package dev.baton.engine;

import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;

/** What a failed engine command says about the engine, read from the client's exception. */
final class EngineFailures {

    private EngineFailures() {}

    /**
     * The engine's back-pressure: RESOURCE_EXHAUSTED (gRPC), 429 or 503 (REST) turn a command away
     * before it is processed (Camunda 8 docs, "Backpressure"). Callers rule out a message too large
     * first, which gRPC also answers with RESOURCE_EXHAUSTED.
     */
    static boolean turnedAway(RuntimeException e) {
        return (e instanceof ClientStatusException s && s.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED)
                || (e instanceof ClientHttpException h && (h.code() == 429 || h.code() == 503));
    }

    /**
     * Turned away, or the engine could not be reached at all (gRPC UNAVAILABLE: refused connection,
     * no gateway). A deadline is not among them: the command may have been carried out.
     */
    static boolean unreachableOrBusy(RuntimeException e) {
        return turnedAway(e)
                || (e instanceof ClientStatusException s && s.getStatusCode() == Status.Code.UNAVAILABLE)
                || e.getCause() instanceof java.net.ConnectException;
    }
}
