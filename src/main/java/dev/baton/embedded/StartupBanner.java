package dev.baton.embedded;

import dev.baton.engine.EngineStateDirectory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says once, when Baton is ready, which pieces run embedded and which are external. Someone who
 * tried the sandbox must not be surprised that their processes are gone after a restart, and
 * someone running against real services must see at a glance that nothing is embedded.
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        // true only where embedded PostgreSQL is on the class path (RunModes checks): never in the jar
        boolean embeddedDb = enabled(env, "baton.embedded.postgres.enabled");
        EngineStateDirectory engineState = event.getApplicationContext()
                .getBeanProvider(EngineStateDirectory.class)
                .getIfAvailable();
        log.info(describe(env, embeddedDb ? EmbeddedPostgresConfiguration.port() : -1, engineState));
    }

    /** The banner; {@code engineState} is where the embedded engine keeps its state (null: not known). */
    static String describe(Environment env, int embeddedPostgresPort, EngineStateDirectory engineState) {
        boolean engine = enabled(env, "baton.embedded.engine.enabled");
        boolean db = enabled(env, "baton.embedded.postgres.enabled");
        boolean mail = enabled(env, "baton.embedded.mail.enabled");
        String url = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        List<String> lines = new ArrayList<>();
        lines.add(
                engine && db && mail
                        ? "Baton is running as a SANDBOX:"
                        : engine || db || mail
                                ? "Baton is running partly embedded:"
                                : "Baton is running on external services:");
        lines.add(
                engine
                        ? "  engine:   embedded Zeebe engine on "
                                + env.getProperty("baton.embedded.engine.address", "127.0.0.1")
                                + ":" + env.getProperty("baton.embedded.engine.port")
                                + (engineState == null
                                        ? " (process state is lost at restart)"
                                        : " (process state " + engineState + ", lost at restart)")
                        : "  engine:   Camunda at "
                                + env.getProperty(
                                        "camunda.client.grpc-address",
                                        env.getProperty("camunda.client.mode", "(cloud)")));
        lines.add(
                db
                        ? "  database: embedded PostgreSQL on :" + embeddedPostgresPort + " (temporary data)"
                        : "  database: " + withoutParameters(env.getProperty("spring.datasource.url", "")));
        lines.add(
                mail
                        ? "  mail:     embedded mail server: SMTP :" + env.getProperty("baton.embedded.mail.smtp-port")
                                + ", IMAP :" + env.getProperty("baton.embedded.mail.imap-port")
                                + ", POP3 :" + env.getProperty("baton.embedded.mail.pop3-port")
                                + " (user = recipient address, any password)"
                        : "  mail:     SMTP " + env.getProperty("spring.mail.host") + ":"
                                + env.getProperty("spring.mail.port", "25"));
        lines.add(
                enabled(env, "baton.demo-data.enabled")
                        ? "  demo data loaded: sign in at " + url + " as rob/demo (all demo users: see README)"
                        : "  UI at " + url);
        if (engine || db || mail) {
            lines.add(
                    "  To use external services set SPRING_DATASOURCE_URL, CAMUNDA_CLIENT_GRPCADDRESS, SPRING_MAIL_HOST (see README).");
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static boolean enabled(Environment env, String key) {
        return env.getProperty(key, Boolean.class, false);
    }

    /** A JDBC URL may carry credentials as parameters: never log those. */
    private static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
