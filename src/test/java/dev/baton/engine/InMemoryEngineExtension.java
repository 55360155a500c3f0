package dev.baton.engine;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link InMemoryEngineTest}: a new engine bound to loopback for each test method, a client of
 * it, the record stream for {@code BpmnAssert}; stopped after the test, its records printed first if
 * the test failed (as Zeebe Process Test's own extension does).
 */
@SuppressWarnings("deprecation") // ZPT hands out the deprecated zeebe client
final class InMemoryEngineExtension implements BeforeEachCallback, AfterEachCallback, TestWatcher {

    private static final Logger log = LoggerFactory.getLogger(InMemoryEngineExtension.class);
    private static final String LOOPBACK = "127.0.0.1";
    /** A port picked free can be taken before the engine binds it: try a few. */
    private static final int START_ATTEMPTS = 5;

    private record Running(ZeebeTestEngine engine, ZeebeClient client) {}

    @Override
    public void beforeEach(ExtensionContext context) {
        ZeebeTestEngine engine = startedEngine();
        int port = Integer.parseInt(
                engine.getGatewayAddress().substring(engine.getGatewayAddress().lastIndexOf(':') + 1));
        ZeebeClient client = ZeebeClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .preferRestOverGrpc(false)
                .gatewayAddress(LOOPBACK + ":" + port)
                .usePlaintext()
                .build();
        store(context).put(Running.class, new Running(engine, client));
        RecordStream records = RecordStream.of(engine.getRecordStreamSource());
        inject(context, engine, client, records);
        BpmnAssert.initRecordStream(records);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BpmnAssert.resetRecordStream();
        Running running = store(context).remove(Running.class, Running.class);
        if (running != null) {
            running.client().close();
            running.engine().stop();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Running running = store(context).get(Running.class, Running.class);
        if (running != null) {
            log.error("===== Test failed! Printing records from the stream:");
            RecordStream.of(running.engine().getRecordStreamSource()).print(true);
        }
    }

    private static ZeebeTestEngine startedEngine() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            ZeebeTestEngine engine;
            try {
                engine = InMemoryEngines.create(LOOPBACK, Probes.freePort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                engine.start();
                return engine;
            } catch (RuntimeException taken) {
                last = taken;
            }
        }
        throw last;
    }

    private static void inject(ExtensionContext context, Object... values) {
        Object test = context.getRequiredTestInstance();
        List<Field> fields = Arrays.asList(context.getRequiredTestClass().getDeclaredFields());
        for (Object value : values) {
            List<Field> matching =
                    fields.stream().filter(f -> f.getType().isInstance(value)).toList();
            if (matching.size() > 1) {
                throw new IllegalStateException(
                        "more than one field can take a " + value.getClass().getSimpleName());
            }
            for (Field field : matching) {
                try {
                    field.setAccessible(true);
                    field.set(test, value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot fill " + field, e);
                }
            }
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(
                ExtensionContext.Namespace.create(InMemoryEngineExtension.class, context.getUniqueId()));
    }
}
