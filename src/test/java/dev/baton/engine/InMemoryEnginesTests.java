package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory engine's gRPC gateway listens where it is told, and nowhere else. */
class InMemoryEnginesTests {

    private ZeebeTestEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop();
        }
    }

    @Test
    void engineBoundToLoopbackAnswersThereAndRefusesConnectionsOnTheMachinesOtherAddresses() throws Exception {
        int port = Probes.freePort();
        engine = InMemoryEngines.create("127.0.0.1", port);
        engine.start();

        try (CamundaClient client = CamundaClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .grpcAddress(URI.create("http://127.0.0.1:" + port))
                .preferRestOverGrpc(false)
                .build()) {
            Topology topology = client.newTopologyRequest().send().join();
            assertThat(topology.getBrokers())
                    .singleElement()
                    .satisfies(b -> assertThat(b.getPort()).isEqualTo(port));
        }
        Probes.assertLoopbackOnly("engine", port);
    }

    /** The control for the test above: the same probes do reach an engine bound to every interface. */
    @Test
    void engineBoundToEveryInterfaceAnswersOnTheMachinesOtherAddressesToo() throws Exception {
        int port = Probes.freePort();
        engine = InMemoryEngines.create("0.0.0.0", port);
        engine.start();

        for (InetAddress other : Probes.otherAddresses()) {
            assertThat(Probes.accepts(other, port))
                    .as("engine on %s:%d", other.getHostAddress(), port)
                    .isTrue();
        }
    }

    @Test
    void rejectsAnAddressThatDoesNotResolveAndAPortOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemoryEngines.create("no-such-host.invalid", 26500))
                .withMessageContaining("no-such-host.invalid");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemoryEngines.create("127.0.0.1", 0))
                .withMessageContaining("port");
    }
}
