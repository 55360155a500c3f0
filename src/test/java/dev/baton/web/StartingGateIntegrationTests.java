package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests that arrive while Baton is still starting: the web server accepts connections before the
 * application runners (the demo people) have run. A runner of this test, run among them, calls the
 * server as the sandbox's first curl did, which answered 401 for good credentials and counted the
 * failures towards the sign-in throttle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StartingGateIntegrationTests.EarlyCalls.class)
class StartingGateIntegrationTests {

    static final String GUESSED = "early-" + UUID.randomUUID().toString().substring(0, 8);
    static final List<HttpResponse<String>> early = new ArrayList<>();

    @TestConfiguration
    static class EarlyCalls {

        /** First of the runners, before the demo data: what a client calling at once would get. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner callBeforeTheStartUpWorkIsDone(Environment env) {
            return args -> {
                String root = "http://localhost:" + env.getRequiredProperty("local.server.port");
                early.add(send(root, "/api/people/me", "ada", "demo", "application/json"));
                for (int i = 0; i < 6; i++) {
                    early.add(send(root, "/api/people/me", GUESSED, "wrong", "application/json"));
                }
                early.add(send(root, "/login", null, null, "text/html,application/xhtml+xml"));
                early.add(send(root, "/actuator/health/readiness", null, null, "application/json"));
                early.add(send(root, "/actuator/health/liveness", null, null, "application/json"));
            };
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRequestBeforeBatonIsReadyIsToldToComeBackAndSignsNobodyIn() {
        HttpResponse<String> ada = early.get(0);
        assertThat(ada.statusCode()).isEqualTo(503);
        assertThat(ada.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(ada.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ada.body()).contains("\"title\":\"Starting\"", "\"status\":503");

        assertThat(early.subList(1, 7))
                .allSatisfy(guess -> assertThat(guess.statusCode()).isEqualTo(503));
        assertThat(jdbc.queryForObject(
                        "select count(*) from sign_in_failure where username = ?", Integer.class, GUESSED))
                .as("no sign-in was tried, so none failed")
                .isZero();

        HttpResponse<String> page = early.get(7);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Baton is starting", "http-equiv=\"refresh\"");
    }

    @Test
    void healthAnswersWhileStartingWithReadinessOutOfService() {
        assertThat(early.get(8).statusCode()).isEqualTo(503);
        assertThat(early.get(8).body()).contains("OUT_OF_SERVICE");
        assertThat(early.get(9).statusCode()).isEqualTo(200);
    }

    @Test
    void onceReadyTheSameCallsAreAnswered() {
        ResponseEntity<String> me = http.withBasicAuth("ada", "demo").getForEntity("/api/people/me", String.class);
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/actuator/health/readiness", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    private static HttpResponse<String> send(
            String root, String path, String username, String password, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(root + path)).header("Accept", accept);
        if (username != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("calling " + path + " while starting", e);
        }
    }
}
