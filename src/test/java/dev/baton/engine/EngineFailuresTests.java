package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** Which engine failures Baton answers as "engine unavailable, try again" (503) and which it does not. */
class EngineFailuresTests {

    @Test
    void anUnreachableEngineOrItsBackPressureMeansTryAgain() {
        assertThat(EngineFailures.unreachableOrBusy(grpc(Status.UNAVAILABLE))).isTrue();
        assertThat(EngineFailures.unreachableOrBusy(grpc(Status.RESOURCE_EXHAUSTED)))
                .isTrue();
        assertThat(EngineFailures.unreachableOrBusy(new ClientHttpException(503, "busy")))
                .isTrue();
        assertThat(EngineFailures.unreachableOrBusy(new ClientHttpException(429, "busy")))
                .isTrue();
        assertThat(EngineFailures.unreachableOrBusy(
                        new RuntimeException(new java.net.ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void aRefusalAMissingProcessOrADeadlineIsNotCalledUnavailable() {
        // a deadline may have been carried out: "try again" could start a second instance
        assertThat(EngineFailures.unreachableOrBusy(grpc(Status.DEADLINE_EXCEEDED)))
                .isFalse();
        assertThat(EngineFailures.unreachableOrBusy(grpc(Status.NOT_FOUND))).isFalse();
        assertThat(EngineFailures.unreachableOrBusy(grpc(Status.INVALID_ARGUMENT)))
                .isFalse();
        assertThat(EngineFailures.unreachableOrBusy(new ClientHttpException(400, "bad")))
                .isFalse();
        assertThat(EngineFailures.unreachableOrBusy(new IllegalStateException("bug")))
                .isFalse();
    }

    private static ClientStatusException grpc(Status status) {
        return new ClientStatusException(status, status.asRuntimeException());
    }
}
