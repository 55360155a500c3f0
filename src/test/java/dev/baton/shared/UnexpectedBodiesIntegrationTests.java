package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * An API write that reads no body refuses one, a 400 at {@code body}, and does nothing; no body, an empty
 * one, whitespace or {@code {}} is no body. Found by probe 40a: {@code POST /api/contacts/{id}/champion} with
 * {@code {"champion":false}} made the contact champion, {@code /api/tasks/{id}/claim} with {@code
 * {"assignee":"rob"}} claimed for the caller, {@code /api/accounts/{id}/handoff-to-cs} with the malformed
 * {@code {"a":} started a handoff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnexpectedBodiesIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAKES_NONE = "this address takes no body; send none";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json                  | {\"champion\":false}",
                "application/json                  | '{\"a\":'",
                "application/json                  | null",
                "application/json                  | []",
                "application/json                  | '{\"champion\":false}  '",
                "text/plain                        | yes",
                "application/x-www-form-urlencoded | champion=false",
            })
    void aBodyToAnAddressThatTakesNoneIsRefusedAndTheContactIsNotMadeChampion(String type, String body)
            throws Exception {
        long contact = contact();

        HttpResponse<String> answer = post("/api/contacts/" + contact + "/champion", type, body, false);

        assertThat(errors(answer)).containsExactlyEntriesOf(Map.of("body", TAKES_NONE));
        assertThat(champion(contact)).isFalse();
    }

    /** A body sent in chunks has no length to tell: it is read. */
    @Test
    void aChunkedBodyIsReadToTellAndRefused() throws Exception {
        long contact = contact();

        HttpResponse<String> answer =
                post("/api/contacts/" + contact + "/champion", "application/json", "{\"champion\":false}", true);

        assertThat(errors(answer)).containsExactlyEntriesOf(Map.of("body", TAKES_NONE));
        assertThat(champion(contact)).isFalse();
    }

    @Test
    void aMalformedBodyStartsNoHandoff() throws Exception {
        long account = account();

        HttpResponse<String> answer =
                post("/api/accounts/" + account + "/handoff-to-cs", "application/json", "{\"a\":", false);

        assertThat(errors(answer)).containsExactlyEntriesOf(Map.of("body", TAKES_NONE));
        assertThat(jdbc.queryForObject("select count(*) from sales_handoff where account_id = ?", Long.class, account))
                .isZero();
    }

    /** No body, an empty one, only whitespace, or {@code {}} (some clients send it with every POST) ask for nothing. */
    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {"NONE", "''", "'  \r\n'", "{}", "' { } '"})
    void noBodyAnEmptyOneOrAnEmptyObjectIsNoBody(String body) throws Exception {
        long contact = contact();

        HttpResponse<String> answer = post(
                "/api/contacts/" + contact + "/champion", "application/json", body.equals("NONE") ? null : body, false);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(champion(contact)).isTrue();
    }

    /** Every API write: a handler that reads no body refuses one, and one that reads a body is not stopped here. */
    @TestFactory
    Stream<DynamicTest> everyApiWriteThatReadsNoBodyRefusesOne() {
        return mappings.getHandlerMethods().entrySet().stream()
                .flatMap(e -> e.getKey().getPathPatternsCondition().getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .flatMap(path -> e.getKey().getMethodsCondition().getMethods().stream()
                                .map(Enum::name)
                                .filter(m ->
                                        Set.of("POST", "PUT", "PATCH", "DELETE").contains(m))
                                .map(method -> new Call(method, path, e.getKey(), e.getValue()))))
                .sorted(Comparator.comparing(Call::path).thenComparing(Call::method))
                .map(call ->
                        DynamicTest.dynamicTest(call.method() + " " + call.path(), () -> refusesABodyUnlessRead(call)));
    }

    private record Call(String method, String path, RequestMappingInfo info, HandlerMethod handler) {}

    private void refusesABodyUnlessRead(Call call) throws Exception {
        MockHttpServletRequest request =
                new MockHttpServletRequest(call.method(), call.path().replaceAll("\\{[^}]+}", "1"));
        // a JSON body, or one of the type the address takes (an upload's multipart)
        request.setContentType(call.info().getConsumesCondition().getConsumableMediaTypes().stream()
                .findFirst()
                .map(Object::toString)
                .orElse("application/json"));
        request.setContent("{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mappings.getHandler(request);
        assertThat(chain).as("a handler for " + call.path()).isNotNull();
        HandlerMethod handler = (HandlerMethod) chain.getHandler();
        assertThat(handler.getMethod()).isEqualTo(call.handler().getMethod());
        boolean readsBody = Stream.of(handler.getMethodParameters())
                .anyMatch(p ->
                        p.hasParameterAnnotation(RequestBody.class) || p.hasParameterAnnotation(RequestPart.class));

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> {
            for (HandlerInterceptor interceptor : chain.getInterceptorList()) {
                interceptor.preHandle(request, new MockHttpServletResponse(), chain.getHandler());
            }
        });

        if (readsBody) {
            assertThat(refused).as("reads its body").isNull();
        } else {
            assertThat(refused)
                    .as(call.method() + " " + call.path() + " refuses a body")
                    .isNotNull();
            assertThat(refused.getFieldErrors()).containsOnlyKeys("body");
            assertThat(refused.getFieldErrors().get("body")).startsWith(TAKES_NONE);
        }
    }

    private HttpResponse<String> post(String path, String type, String body, boolean chunked) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Content-Type", type)
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("rob:demo".getBytes(StandardCharsets.UTF_8)));
        HttpRequest.BodyPublisher content = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : chunked
                        ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(body))
                        : HttpRequest.BodyPublishers.ofString(body);
        return client.send(request.POST(content).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        return JSON.convertValue(problem.path("errors"), Map.class);
    }

    /** A new account of rob's. */
    private long account() {
        long rob = jdbc.queryForObject("select id from person where username = 'rob'", Long.class);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Bodiless " + System.nanoTime()));
        body.put("ownerId", rob);
        return ((Number) http.withBasicAuth("ada", "demo")
                        .postForObject("/api/accounts", body, Map.class)
                        .get("id"))
                .longValue();
    }

    /** A new contact, no champion, on a new account of rob's. */
    private long contact() {
        return ((Number) http.withBasicAuth("ada", "demo")
                        .postForObject(
                                "/api/accounts/" + account() + "/contacts",
                                Map.of("fullName", "Nobody Champion", "primary", false),
                                Map.class)
                        .get("id"))
                .longValue();
    }

    private boolean champion(long contact) {
        return jdbc.queryForObject("select champion from contact where id = ?", Boolean.class, contact);
    }
}
