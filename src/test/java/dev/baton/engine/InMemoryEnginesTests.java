package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * With its state in RocksDB the engine runs a process as with the library's store (a job handed to
     * a worker, its variables back in the result), and the state is in the directory, not in memory.
     */
    @Test
    void engineWithItsStateInRocksDbRunsAProcessAndKeepsItsStateInTheDirectory(@TempDir Path state) throws Exception {
        int port = Probes.freePort();
        engine = InMemoryEngines.create("127.0.0.1", port, state);
        engine.start();

        try (CamundaClient client = CamundaClient.newClientBuilder()
                        .applyEnvironmentVariableOverrides(false)
                        .grpcAddress(URI.create("http://127.0.0.1:" + port))
                        .preferRestOverGrpc(false)
                        .build();
                JobWorker worker = client.newWorker()
                        .jobType("rocks-check")
                        .handler((jobs, job) -> jobs.newCompleteCommand(job)
                                .variables(Map.of(
                                        "checked", job.getVariablesAsMap().get("n")))
                                .send()
                                .join())
                        .open()) {
            client.newDeployResourceCommand()
                    .addProcessModel(
                            Bpmn.createExecutableProcess("rocks")
                                    .startEvent()
                                    .serviceTask("check", t -> t.zeebeJobType("rocks-check"))
                                    .endEvent()
                                    .done(),
                            "rocks.bpmn")
                    .send()
                    .join();
            ProcessInstanceResult result = client.newCreateInstanceCommand()
                    .bpmnProcessId("rocks")
                    .latestVersion()
                    .variables(Map.of("n", 42))
                    .withResult()
                    .send()
                    .join();
            assertThat(result.getVariablesAsMap()).containsEntry("checked", 42);
        }
        // RocksDB's files: the store the engine reads and writes
        assertThat(state.resolve("CURRENT")).isRegularFile();
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
