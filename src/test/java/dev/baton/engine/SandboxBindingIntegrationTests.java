package dev.baton.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The sandbox (everything embedded, default settings) listens on this machine only: its web UI and
 * API (demo users, password "demo"), the engine (no authentication at all), mail and PostgreSQL
 * refuse connections that come to any of the machine's other addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxBindingIntegrationTests {

    @LocalServerPort
    int webPort;

    @Autowired
    Environment env;

    @Autowired
    DataSource dataSource;

    @Test
    void webServerListensOnLoopbackOnly() throws Exception {
        Probes.assertLoopbackOnly("web server", webPort);
    }

    @Test
    void embeddedEngineListensOnLoopbackOnly() throws Exception {
        Probes.assertLoopbackOnly("engine", env.getRequiredProperty("baton.embedded.engine.port", Integer.class));
    }

    @Test
    void embeddedMailServerListensOnLoopbackOnly() throws Exception {
        for (String protocol : new String[] {"smtp", "imap", "pop3"}) {
            Probes.assertLoopbackOnly(
                    protocol, env.getRequiredProperty("baton.embedded.mail." + protocol + "-port", Integer.class));
        }
    }

    @Test
    void embeddedPostgresListensOnLoopbackOnly() throws Exception {
        String jdbcUrl = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        Probes.assertLoopbackOnly(
                "PostgreSQL", URI.create(jdbcUrl.substring("jdbc:".length())).getPort());
    }
}
