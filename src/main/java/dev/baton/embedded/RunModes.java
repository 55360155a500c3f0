package dev.baton.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Decides, from configuration alone, which pieces run embedded: each embedded piece starts only
 * when its external counterpart is not configured (no datasource URL: embedded PostgreSQL; no
 * Camunda client address: in-memory Zeebe engine; no mail host: embedded GreenMail). The decision
 * is published as {@code baton.embedded.*.enabled} properties that the embedded configurations
 * are conditional on, together with the client settings the embedded pieces need.
 *
 * <p>The packaged jar carries neither the in-memory engine nor embedded PostgreSQL (see pom.xml):
 * a piece that would run embedded but is not on the class path stops the start-up with one
 * message naming what to configure ({@link MissingExternalService}).
 */
public class RunModes implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "batonRunModes";
    static final String ENGINE_CLASS = "io.camunda.zeebe.process.test.engine.EngineFactory";
    static final String POSTGRES_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private final Predicate<String> onClassPath;

    public RunModes() {
        this(name -> ClassUtils.isPresent(name, RunModes.class.getClassLoader()));
    }

    /** For tests: which of {@link #ENGINE_CLASS} and {@link #POSTGRES_CLASS} count as present. */
    RunModes(Predicate<String> onClassPath) {
        this.onClassPath = onClassPath;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();

        boolean embeddedDb = isBlank(env, "spring.datasource.url");
        if (embeddedDb && !onClassPath.test(POSTGRES_CLASS)) {
            missing.add(
                    "no SPRING_DATASOURCE_URL set and this jar has no embedded PostgreSQL: configure a PostgreSQL 16+"
                            + " (SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)");
            embeddedDb = false;
        }
        props.put("baton.embedded.postgres.enabled", embeddedDb);
        props.put("baton.demo-data.enabled", env.getProperty("baton.demo-data.enabled", embeddedDb ? "true" : "false"));

        boolean embeddedEngine = isBlank(env, "camunda.client.grpc-address")
                && isBlank(env, "camunda.client.cloud.cluster-id")
                && !"saas".equalsIgnoreCase(env.getProperty("camunda.client.mode", ""));
        if (embeddedEngine && !onClassPath.test(ENGINE_CLASS)) {
            missing.add(
                    "no CAMUNDA_CLIENT_GRPCADDRESS set and this jar has no in-memory engine: configure a Camunda 8"
                            + " cluster (CAMUNDA_CLIENT_GRPCADDRESS and CAMUNDA_CLIENT_RESTADDRESS, or CAMUNDA_CLIENT_MODE=saas)");
            embeddedEngine = false;
        }
        props.put("baton.embedded.engine.enabled", embeddedEngine);
        if (embeddedEngine) {
            int port = port(env, "baton.embedded.engine.port", 26500);
            props.put("baton.embedded.engine.port", port);
            props.put("camunda.client.mode", "self-managed");
            props.put("camunda.client.grpc-address", "http://" + clientHost(env) + ":" + port);
            props.put("camunda.client.prefer-rest-over-grpc", false);
            // the in-memory engine has no authentication: said here, the client does not warn that none was
            // configured ("No 'camunda.client.auth.method' detected"). A configured cluster is left alone
            props.put("camunda.client.auth.method", "none");
        }

        boolean embeddedMail = isBlank(env, "spring.mail.host");
        props.put("baton.embedded.mail.enabled", embeddedMail);
        if (embeddedMail) {
            int smtp = port(env, "baton.embedded.mail.smtp-port", 3025);
            props.put("baton.embedded.mail.smtp-port", smtp);
            props.put("baton.embedded.mail.imap-port", port(env, "baton.embedded.mail.imap-port", 3143));
            props.put("baton.embedded.mail.pop3-port", port(env, "baton.embedded.mail.pop3-port", 3110));
            props.put("spring.mail.host", "127.0.0.1");
            props.put("spring.mail.port", smtp);
        }
        // first, so that the computed values (e.g. a random port chosen for 0) win over the defaults
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
        if (!missing.isEmpty()) {
            // failing here, before logging is set up, would print a bare stack trace; an initializer runs
            // once logging is up, and the failure analyzer turns the exception into one message
            application.addInitializers(context -> {
                throw new MissingExternalService(missing);
            });
        }
    }

    /** Where Baton's own client finds the embedded engine: its bind address, loopback for "every interface". */
    private static String clientHost(ConfigurableEnvironment env) {
        String bound = env.getProperty("baton.embedded.engine.address", "127.0.0.1");
        if (bound.equals("0.0.0.0") || bound.equals("::")) {
            return "127.0.0.1";
        }
        return bound.contains(":") ? "[" + bound + "]" : bound;
    }

    /** Relaxed binding, so that CAMUNDA_CLIENT_GRPCADDRESS counts as camunda.client.grpc-address. */
    private static boolean isBlank(ConfigurableEnvironment env, String key) {
        return Binder.get(env).bind(key, String.class).map(String::isBlank).orElse(true);
    }

    /** A configured port, where 0 means "any free port" (tests run several instances side by side). */
    /**
     * Ports {@link #freePort} gave out in this JVM: a port is free when checked and bound only later, so
     * two services of one start (engine, SMTP, IMAP, POP3) could be given the same one, or a test
     * context the port a context that failed to start had not yet let go ("Address already in use" at
     * the embedded mail server's POP3, seen once in a suite run).
     */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static int port(ConfigurableEnvironment env, String key, int defaultPort) {
        int port = env.getProperty(key, Integer.class, defaultPort);
        return port == 0 ? freePort() : port;
    }

    /**
     * A free port below Linux's ephemeral range (32768+). A port from {@code new ServerSocket(0)} comes
     * from that range, and the connections the app opens before the embedded server binds (database,
     * engine) may be given the same port meanwhile: "address already in use", seen in the test suite.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (!HANDED_OUT.add(candidate)) {
                continue; // free now, but given to another service (of this start or an earlier one) already
            }
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000 for an embedded service"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
