package dev.baton.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.EngineStateDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StartupBannerTests {

    @Test
    void warnsThatTheSandboxForgetsEverythingAndSaysHowToLeaveIt() {
        MockEnvironment env = sandbox();

        assertThat(StartupBanner.describe(env, 54321, null))
                .contains(
                        "SANDBOX",
                        "embedded Zeebe engine on 127.0.0.1:26500",
                        "process state is lost at restart",
                        "embedded PostgreSQL on :54321",
                        "SMTP :3025, IMAP :3143, POP3 :3110",
                        "sign in at http://localhost:8080 as rob/demo",
                        "SPRING_DATASOURCE_URL, CAMUNDA_CLIENT_GRPCADDRESS, SPRING_MAIL_HOST");
    }

    /**
     * Probe 46: the README quoted the banner as one line ("Baton is running as a SANDBOX: embedded Zeebe engine
     * on ..."), the real one has a line per service: a newcomer searching the log for the quoted line found
     * nothing. The README's sample is the banner as it is, for the ports and directory it names.
     */
    @Test
    void theReadmeQuotesTheSandboxBannerAsItIs() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String start = "```\nBaton is running as a SANDBOX:\n";
        int from = readme.indexOf(start);
        assertThat(from)
                .as("the README quotes the banner in a block of its own")
                .isNotNegative();
        String quoted = readme.substring(from + 4, readme.indexOf("\n```", from + 4));
        MockEnvironment env = sandbox();

        try (EngineStateDirectory rocks = EngineStateDirectory.of("rocksdb")) {
            String banner = StartupBanner.describe(env, 44213, rocks)
                    .replace(rocks.path().toString(), "/tmp/baton-engine-123")
                    .replace(System.lineSeparator(), "\n");
            assertThat(quoted).isEqualTo(banner);
        }
    }

    @Test
    void saysWhichStoreTheEmbeddedEngineKeepsItsStateInAndWhere() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("baton.embedded.engine.enabled", "true")
                .withProperty("baton.embedded.engine.port", "26500");

        try (EngineStateDirectory rocks = EngineStateDirectory.of("rocksdb");
                EngineStateDirectory memory = EngineStateDirectory.of("memory")) {
            assertThat(StartupBanner.describe(env, -1, rocks))
                    .contains("  engine:   embedded Zeebe engine on 127.0.0.1:26500 (process state in RocksDB in "
                            + rocks.path() + ", lost at restart)");
            assertThat(StartupBanner.describe(env, -1, memory))
                    .contains(
                            "  engine:   embedded Zeebe engine on 127.0.0.1:26500 (process state in memory, lost at restart)");
        }
    }

    @Test
    void namesTheExternalServicesWithoutTheirCredentials() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("camunda.client.grpc-address", "http://camunda:26500")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/baton?password=secret")
                .withProperty("spring.mail.host", "mailpit")
                .withProperty("spring.mail.port", "1025")
                .withProperty("local.server.port", "8080");

        String banner = StartupBanner.describe(env, -1, null);

        assertThat(banner)
                .contains(
                        "external services",
                        "Camunda at http://camunda:26500",
                        "jdbc:postgresql://db:5432/baton",
                        "SMTP mailpit:1025");
        assertThat(banner).doesNotContain("secret", "SANDBOX", "embedded", "rob/demo");
    }

    @Test
    void saysWhenOnlySomePiecesAreEmbedded() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("baton.embedded.mail.enabled", "true")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/baton");

        assertThat(StartupBanner.describe(env, -1, null)).startsWith("Baton is running partly embedded:");
    }

    /** The sandbox's settings at their defaults: every embedded service on, demo data, port 8080. */
    private static MockEnvironment sandbox() {
        return new MockEnvironment()
                .withProperty("baton.embedded.engine.enabled", "true")
                .withProperty("baton.embedded.engine.port", "26500")
                .withProperty("baton.embedded.postgres.enabled", "true")
                .withProperty("baton.embedded.mail.enabled", "true")
                .withProperty("baton.embedded.mail.smtp-port", "3025")
                .withProperty("baton.embedded.mail.imap-port", "3143")
                .withProperty("baton.embedded.mail.pop3-port", "3110")
                .withProperty("baton.demo-data.enabled", "true")
                .withProperty("local.server.port", "8080");
    }
}
