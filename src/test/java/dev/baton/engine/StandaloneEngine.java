package dev.baton.engine;

import ch.qos.logback.classic.Level;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory engine as a process of its own, for running Baton in external mode against it
 * (restarts and kill -9 of Baton keep the process state; kill -STOP / -CONT on this process is an
 * engine outage). Its state lives in memory and dies with it. Test sources only: the production jar
 * must not carry the in-memory engine.
 *
 * <pre>./mvnw -q test-compile exec:java@engine -Dengine.port=26500 [-Dengine.address=127.0.0.1] [-Dengine.state=rocksdb|memory]</pre>
 *
 * Prints {@code engine: ready on ADDRESS:PORT} once it answers a topology request; stops on SIGTERM.
 * Its state is kept in Zeebe's RocksDB store in a temporary directory, removed when it stops (a
 * {@code kill -9} leaves it in the system's temporary directory, {@code baton-engine-*}): the
 * library's in-memory store slows every step as the engine fills ({@link RocksDbState}). {@code -Dengine.state=memory} runs the library's store, as before 2026-12-01.
 */
public final class StandaloneEngine {

    private StandaloneEngine() {}

    public static void main(String[] args) throws Exception {
        // logback's default without a configuration file is DEBUG for everything: far too much
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String address =
                System.getProperty("engine.address", System.getenv().getOrDefault("BATON_ENGINE_ADDRESS", "127.0.0.1"));
        int port = Integer.parseInt(System.getProperty("engine.port", args.length > 0 ? args[0] : "26500"));

        EngineStateDirectory state = EngineStateDirectory.of(System.getProperty("engine.state", "rocksdb"));
        ZeebeTestEngine engine = InMemoryEngines.create(address, port, state.path());
        try {
            engine.start();
        } catch (RuntimeException e) {
            engine.stop();
            state.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            engine.stop();
                            state.close();
                            System.out.println("engine: stopped");
                            stopped.countDown();
                        },
                        "engine-stop"));

        String host = address.equals("0.0.0.0") ? "127.0.0.1" : address.contains(":") ? "[" + address + "]" : address;
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .grpcAddress(URI.create("http://" + host + ":" + port))
                .preferRestOverGrpc(false)
                .build()) {
            client.newTopologyRequest().send().join();
        }
        System.out.println(
                "engine: ready on " + address + ":" + port + " (state " + state + ": it dies with this process)");
        stopped.await();
    }
}
