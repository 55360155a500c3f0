package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * A sandbox whose start fails must end its process: {@code ./mvnw spring-boot:run} waits for it, and a
 * newcomer whose start failed (a port already taken) saw "Application run failed" and then nothing, for
 * ever. Runs {@link BatonApplication#main} in a JVM of its own, as spring-boot:run does, with everything
 * embedded; the failure comes once everything has started, the in-memory engine with it.
 */
class FailedStartIntegrationTests {

    /** On a 2-core machine shared with other test JVMs the sandbox has taken over a minute to start. */
    private static final long START_MINUTES = 4;
    /** A failed start closes its context in a few seconds; a JVM still up after this stays up. */
    private static final long EXIT_SECONDS = 45;

    @Test
    void aStartThatFailsAfterTheEngineStartedEndsTheProcessWithAnErrorStatus() throws Exception {
        Process app = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BatonApplication.class.getName(),
                        "--server.port=0",
                        "--spring.main.sources=" + FailsOnceStarted.class.getName())
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        CountDownLatch failed = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("Application run failed")) {
                        failed.countDown();
                    }
                }
            } catch (Exception endOfOutput) {
                // the process ended or was ended
            }
        });
        try {
            assertThat(failed.await(START_MINUTES, TimeUnit.MINUTES))
                    .as("the start fails (output: %s)", output)
                    .isTrue();
            assertThat(app.waitFor(EXIT_SECONDS, TimeUnit.SECONDS))
                    .as("the process has ended %d s after \"Application run failed\"", EXIT_SECONDS)
                    .isTrue();
            assertThat(app.exitValue()).isEqualTo(1);
            synchronized (output) {
                assertThat(output).contains(FailsOnceStarted.MESSAGE);
            }
        } finally {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
    }

    /**
     * Fails the start after every bean has started (the runners run last). Not a component: only the child
     * JVM above adds it, through {@code spring.main.sources}.
     */
    public static class FailsOnceStarted implements ApplicationRunner {

        static final String MESSAGE = "failing on purpose once started (FailedStartIntegrationTests)";

        @Override
        public void run(ApplicationArguments args) {
            throw new IllegalStateException(MESSAGE);
        }
    }
}
