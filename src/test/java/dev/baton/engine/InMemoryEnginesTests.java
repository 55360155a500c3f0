package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * The record log the writer appends to while the stream processor and the exporter read it is the
     * synchronized list {@link ThreadSafeRecordLog} puts in (the library's plain ArrayList let a reader
     * see an entry as null, which stopped the engine for good), and every record written is read back
     * whole while processes run.
     */
    @Test
    void theRecordLogIsReadWholeWhileItIsWritten(@TempDir Path state) throws Exception {
        int port = Probes.freePort();
        engine = InMemoryEngines.create("127.0.0.1", port, state);
        engine.start();
        Object storage = InMemoryEngines.field(
                InMemoryEngines.part(engine, io.camunda.zeebe.logstreams.log.LogStream.class),
                io.camunda.zeebe.logstreams.storage.LogStorage.class);
        assertThat(InMemoryEngines.field(storage, java.util.List.class)
                        .getClass()
                        .getName())
                .isEqualTo("java.util.Collections$SynchronizedRandomAccessList");
        assertThat(InMemoryEngines.field(storage, java.util.Set.class)
                        .getClass()
                        .getName())
                .contains("ConcurrentHashMap");

        try (CamundaClient client = CamundaClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .grpcAddress(URI.create("http://127.0.0.1:" + port))
                .preferRestOverGrpc(false)
                .build()) {
            client.newDeployResourceCommand()
                    .addProcessModel(
                            Bpmn.createExecutableProcess("logged")
                                    .startEvent()
                                    .endEvent()
                                    .done(),
                            "logged.bpmn")
                    .send()
                    .join();
            // a reader going over the log again and again while 200 instances are written to it
            AtomicLong read = new AtomicLong();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    while (writing.get()) {
                        try (LogStreamReader log = InMemoryEngines.logReader(engine)) {
                            log.seekToFirstEvent();
                            long n = 0;
                            while (log.hasNext()) {
                                log.next();
                                n++;
                            }
                            read.set(n);
                        }
                        // a breath between passes: a reader spinning on the list's lock starved the
                        // engine's own threads of it on a loaded machine (a command timed out once)
                        Thread.sleep(2);
                    }
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            // every command answered: lost answers came from another engine of the JVM (OneResponseAtATime)
            for (int i = 0; i < 200; i++) {
                client.newCreateInstanceCommand()
                        .bpmnProcessId("logged")
                        .latestVersion()
                        .send()
                        .join(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.join(10_000);
            assertThat(reader.isAlive()).isFalse();
            assertThat(failed.get()).as("what the reader met").isNull();
            assertThat(read.get()).as("records read in the reader's last pass").isGreaterThan(200);
        }
    }

    /**
     * Two engines of one JVM (the suite's cached Spring contexts each run one) answering at the same
     * moment: each client gets every answer, each its own engine's. The library keeps an answer's
     * parts in static fields, so without {@link OneResponseAtATime} answers got lost ("Could not
     * deserialize object") or went to the other engine's client.
     */
    @Test
    void twoEnginesAnsweringAtTheSameMomentEachAnswerTheirOwnClientsWhole() throws Exception {
        ZeebeTestEngine other = InMemoryEngines.create("127.0.0.1", Probes.freePort());
        engine = InMemoryEngines.create("127.0.0.1", Probes.freePort());
        other.start();
        engine.start();
        try {
            var firstAnswers = java.util.concurrent.CompletableFuture.supplyAsync(() -> answersOf(engine, "first"));
            var otherAnswers = java.util.concurrent.CompletableFuture.supplyAsync(() -> answersOf(other, "other"));

            assertThat(firstAnswers.get(5, java.util.concurrent.TimeUnit.MINUTES))
                    .hasSize(300)
                    .containsOnly("first");
            assertThat(otherAnswers.get(5, java.util.concurrent.TimeUnit.MINUTES))
                    .hasSize(300)
                    .containsOnly("other");
        } finally {
            other.stop();
        }
    }

    /** The process id each of 300 instance creations on {@code target} was answered with, or "no answer". */
    private static java.util.List<String> answersOf(ZeebeTestEngine target, String processId) {
        String[] address = target.getGatewayAddress().split(":");
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .grpcAddress(URI.create("http://127.0.0.1:" + address[address.length - 1]))
                .preferRestOverGrpc(false)
                .build()) {
            client.newDeployResourceCommand()
                    .addProcessModel(
                            Bpmn.createExecutableProcess(processId)
                                    .startEvent()
                                    .endEvent()
                                    .done(),
                            processId + ".bpmn")
                    .send()
                    .join();
            java.util.List<String> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                try {
                    answers.add(client.newCreateInstanceCommand()
                            .bpmnProcessId(processId)
                            .latestVersion()
                            .send()
                            .join(30, java.util.concurrent.TimeUnit.SECONDS)
                            .getBpmnProcessId());
                } catch (io.camunda.client.api.command.ClientException lost) {
                    answers.add("no answer");
                }
            }
            return answers;
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
