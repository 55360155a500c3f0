package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.support.SignedIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A JSON body nested deeper than {@link StrictJson#MAX_NESTING} levels is a 400 at {@code body} on every
 * endpoint, refused by the parser before anything is bound. Found by probe 40a: a free-form map (a task's
 * answer, a launch's variables) 900 to 3000 levels deep overflowed the stack, a 500 that logged 158 KB of
 * stack trace, and other bodies 2000 levels deep answered "could not be read".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NestedBodiesIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String TOO_DEEP = "is nested more than 100 levels deep";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} as {1}, {2} levels of {3}")
    @CsvSource({
        "/api/tasks/999999999/complete,             rob,   101,  objects",
        "/api/tasks/999999999/complete,             rob,   900,  objects",
        "/api/tasks/999999999/complete,             rob,   3000, objects",
        "/api/tasks/999999999/complete,             rob,   900,  lists",
        "/api/playbooks/Process_deep_nest/instances, maria, 900,  objects",
        "/api/playbooks/Process_deep_nest/instances, maria, 1500, lists",
        "/api/leads,                                maria, 2000, objects",
        "/api/commitments,                          maria, 2000, lists",
    })
    void aBodyNestedTooDeepIsABadRequestAtTheBody(String path, String user, int depth, String kind) throws Exception {
        long runs = count("playbook_instance");
        long leads = count("lead");

        HttpResponse<String> answer = api(user, path, body(depth, kind.equals("lists")));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("errors").path("body").asText()).isEqualTo(TOO_DEEP);
        assertThat(count("playbook_instance")).isEqualTo(runs);
        assertThat(count("lead")).isEqualTo(leads);
    }

    /** The limit is the body's depth, the outermost object included: 100 levels are read as ever. */
    @Test
    void aBodyAHundredLevelsDeepIsRead() throws Exception {
        HttpResponse<String> answer = api("rob", "/api/tasks/999999999/complete", body(100, false));

        assertThat(answer.statusCode())
                .as("read, then no such task: " + answer.body())
                .isEqualTo(404);
    }

    /** The task page's own JSON post (form-js data, with the page's session and CSRF token) alike. */
    @Test
    void theTaskPagesJsonPostRefusesABodyNestedTooDeep() throws Exception {
        String cookie = SignedIn.signIn(root(), "rob", "demo");
        HttpResponse<String> inbox = client.send(
                HttpRequest.newBuilder(URI.create(root() + "/tasks"))
                        .header("Cookie", cookie)
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(inbox.body());
        assertThat(token.find()).as("the inbox's CSRF token").isTrue();

        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(URI.create(root() + "/tasks/999999999/complete"))
                        .header("Cookie", cookie)
                        .header("X-CSRF-TOKEN", token.group(1))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(900, false)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("errors").path("body").asText())
                .isEqualTo(TOO_DEEP);
    }

    /** {@code {"notes": {"a": ... 1 ...}}} (or lists: {@code {"notes": [[... 1 ...]]}}), {@code depth} levels in all. */
    private static String body(int depth, boolean lists) {
        int inner = depth - 1;
        String open = lists ? "[" : "{\"a\":";
        String close = lists ? "]" : "}";
        return "{\"notes\":" + open.repeat(inner) + "1" + close.repeat(inner) + "}";
    }

    private HttpResponse<String> api(String user, String path, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(root() + path))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private String root() {
        return "http://localhost:" + port;
    }
}
