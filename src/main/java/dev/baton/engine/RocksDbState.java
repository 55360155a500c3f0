package dev.baton.engine;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.grpc.BindableService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Zeebe's own state store (RocksDB, as a broker keeps its state) for an engine built by Zeebe Process
 * Test's {@link EngineFactory}, in place of the library's in-memory store.
 *
 * <p>Why: the library's store copies its whole content into a new {@code TreeMap} each time the engine
 * iterates a key prefix ({@code InMemoryDbTransaction.newIterator}), which it does several times per
 * element (taken sequence flows, variables, timers). A step then costs in proportion to everything
 * the engine holds: in a handover of 300 accounts beside a book of 300 open processes, 93 % of the
 * engine's CPU samples were that copy (JFR, 2026-12-01), and each handover was slower than the last.
 * Zeebe's RocksDB store seeks to the prefix instead. The engine's processing, log and gRPC gateway are
 * the library's, unchanged; only the store differs.
 *
 * <p>How: the factory's engine is built the library's way and not started. Its stream processor is
 * built again by the factory's own (private) method with the RocksDB store, from the parts the first
 * build made (log, scheduler, clock, gateway and its request store and job streamer); the idle-state
 * monitor is built again for the new stream processor, and the old one is taken off the log. Matched
 * by type, as {@link InMemoryEngines} does: a library version built otherwise fails here, at start-up.
 */
final class RocksDbState {

    private static final String ENGINE_PACKAGE = "io.camunda.zeebe.process.test.engine.";

    /** RocksDB's memory for its caches and write buffers: Zeebe's default is 512 MB per partition. */
    private static final long MEMORY_LIMIT = 128L * 1024 * 1024;

    private RocksDbState() {}

    /**
     * The parts of {@code built} to replace, by the type {@code InMemoryEngine}'s constructor takes:
     * the store ({@link ZeebeDb}), the stream processor that uses it, and the idle-state monitor
     * that watches that stream processor. The RocksDB files live in {@code directory} (created if
     * missing) until the caller removes them; the engine closes the store when it stops.
     *
     * @throws IllegalStateException if the library's engine is not built the way this expects, or
     *     RocksDB cannot open {@code directory}
     */
    static Map<Class<?>, Object> parts(ZeebeTestEngine built, Path directory) {
        try {
            Object gateway = InMemoryEngines.part(built, BindableService.class);
            LogStream logStream = (LogStream) InMemoryEngines.part(built, LogStream.class);
            Object oldMonitor = InMemoryEngines.part(built, type("EngineStateMonitor"));
            close((ZeebeDb<?>) InMemoryEngines.part(built, ZeebeDb.class)); // the in-memory store, never used

            Object writer = InMemoryEngines.field(gateway, type("CommandWriter"));
            Object requestStore = InMemoryEngines.field(gateway, type("GatewayRequestStore"));
            Object jobStreamer = InMemoryEngines.field(gateway, type("InMemoryJobStreamer"));
            Object commandSender = construct(type("CommandSender"), writer);
            // EngineFactory.create(port) hands the response writer no request listener either
            Object responseWriter = construct(type("GrpcResponseWriter"), gateway, requestStore, null);

            ZeebeDb<ZbColumnFamilies> db = new ZeebeRocksDbFactory<ZbColumnFamilies>(
                            new RocksDbConfiguration().setMemoryLimit(MEMORY_LIMIT),
                            new ConsistencyChecksSettings(),
                            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1),
                            SimpleMeterRegistry::new)
                    .createDb(directory.toFile());

            try {
                return rebuilt(built, logStream, db, oldMonitor, responseWriter, commandSender, jobStreamer);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a library built otherwise: the store must not stay open (and its directory locked) behind the error
                try {
                    db.close();
                } catch (Exception notClosed) {
                    e.addSuppressed(notClosed);
                }
                throw e;
            }
        } catch (ReflectiveOperationException e) {
            throw unexpected(e.toString());
        }
    }

    /** The stream processor built again with {@code db}, and the idle-state monitor that watches it. */
    private static Map<Class<?>, Object> rebuilt(
            ZeebeTestEngine built,
            LogStream logStream,
            ZeebeDb<ZbColumnFamilies> db,
            Object oldMonitor,
            Object responseWriter,
            Object commandSender,
            Object jobStreamer)
            throws ReflectiveOperationException {
        Method build = Arrays.stream(EngineFactory.class.getDeclaredMethods())
                .filter(m -> m.getReturnType() == StreamProcessor.class)
                .reduce((a, b) -> {
                    throw unexpected("more than one method builds a StreamProcessor");
                })
                .orElseThrow(() -> unexpected("no method builds a StreamProcessor"));
        build.setAccessible(true);
        Object[] arguments = new Object[build.getParameterCount()];
        Class<?>[] types = build.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            arguments[i] = argument(types[i], logStream, db, built, responseWriter, commandSender, jobStreamer);
        }
        StreamProcessor processor = (StreamProcessor) build.invoke(null, arguments);

        LogStorage storage = (LogStorage) InMemoryEngines.field(logStream, LogStorage.class);
        storage.removeCommitListener((LogStorage.CommitListener) oldMonitor);
        Object monitor = construct(type("EngineStateMonitor"), storage, processor);
        return Map.of(ZeebeDb.class, db, StreamProcessor.class, processor, type("EngineStateMonitor"), monitor);
    }

    private static void close(ZeebeDb<?> db) {
        try {
            db.close();
        } catch (Exception e) {
            throw unexpected("its unused in-memory store would not close: " + e);
        }
    }

    /** The factory method's argument of {@code type}: the partition count is an int, 1 as the factory has it. */
    private static Object argument(
            Class<?> type,
            LogStream logStream,
            ZeebeDb<ZbColumnFamilies> db,
            ZeebeTestEngine built,
            Object responseWriter,
            Object commandSender,
            Object jobStreamer)
            throws ReflectiveOperationException {
        if (type == int.class) {
            return 1;
        }
        for (Object candidate : new Object[] {logStream, db, responseWriter, commandSender, jobStreamer}) {
            if (type.isInstance(candidate)) {
                return candidate;
            }
        }
        if (type.isAssignableFrom(ActorScheduler.class)) {
            return InMemoryEngines.part(built, ActorScheduler.class);
        }
        if (type.isAssignableFrom(ControlledActorClock.class)) {
            return InMemoryEngines.part(built, ControlledActorClock.class);
        }
        throw unexpected("the StreamProcessor's factory method takes a " + type.getName());
    }

    private static Class<?> type(String simpleName) throws ClassNotFoundException {
        return Class.forName(ENGINE_PACKAGE + simpleName);
    }

    /** A new instance through {@code type}'s one declared constructor (package-private in the library). */
    private static Object construct(Class<?> type, Object... arguments)
            throws InstantiationException, IllegalAccessException, InvocationTargetException {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (constructors.length != 1) {
            throw unexpected(constructors.length + " constructors of " + type.getName());
        }
        constructors[0].setAccessible(true);
        return constructors[0].newInstance(arguments);
    }

    private static IllegalStateException unexpected(String what) {
        return new IllegalStateException("Zeebe Process Test's engine is not built as " + RocksDbState.class.getName()
                + " expects (" + what + "): check it after a library upgrade");
    }
}
