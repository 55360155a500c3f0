package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.shared.Text;
import dev.baton.support.SignedIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Requests whose shape is wrong before any field is read: a multipart content type without a
 * boundary, or a multipart body that is not one. The API answers with a 4xx problem detail and the
 * pages with a readable error page; nothing is imported or deployed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestsIntegrationTests {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String GARBAGE = "--zz\r\ngarbage";
    private static final String FORM = "--zz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--zz--\r\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient client = HttpClient.newHttpClient();
    final Map<String, String> sessions = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{1} {2} as {0}, {3} → {5}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a JSON endpoint refuses any other content type, whatever its body
                "rob | POST | /api/commitments              | multipart/form-data              | {\"title\":\"x\"} | 415",
                "rob | POST | /api/commitments              | multipart/form-data; boundary=zz | FORM     | 415",
                "rob | PUT  | /api/people/me/time-zone      | multipart/mixed                  | {}       | 415",
                // an upload endpoint refuses any other content type, saying what it takes
                "ada | POST | /api/imports?kind=TEAMS       | text/csv                         | GARBAGE  | 415",
                "ada | POST | /api/playbooks                | multipart/mixed; boundary=zz     | GARBAGE  | 415",
                // an upload endpoint cannot read the body it was sent
                "ada | POST | /api/imports?kind=TEAMS       | multipart/form-data; boundary=zz | GARBAGE  | 400",
                "ada | POST | /api/imports?kind=TEAMS       | multipart/form-data              | GARBAGE  | 400",
                "ada | POST | /api/playbooks                | multipart/form-data; boundary=zz | GARBAGE  | 400",
                "ada | POST | /api/playbooks                | multipart/form-data              |          | 400",
                // an empty boundary is no boundary: the upload cannot be read, whatever the body
                "ada | POST | /api/imports?kind=TEAMS       | multipart/form-data; boundary=   | GARBAGE  | 400",
                "ada | POST | /api/playbooks                | multipart/form-data; boundary=   |          | 400",
                "ada | POST | /api/playbooks                | 'multipart/form-data; boundary=\"\"' | GARBAGE | 400",
            })
    void answersAnUnreadableMultipartRequestWithAProblemDetailNotA500(
            String user, String method, String path, String type, String body, int status) throws Exception {
        long imports = count("import_job");

        HttpResponse<String> answer = api(user, method, path, type, named(body));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("try again");
        if (status == 415 && (path.startsWith("/api/imports") || path.startsWith("/api/playbooks"))) {
            assertThat(problem.path("detail").asText()).contains("send multipart/form-data");
        }
        if (status == 400) {
            assertThat(problem.path("errors").path("body").asText())
                    .as(answer.body())
                    .startsWith("is not a readable multipart upload");
            boolean noBoundary = !type.contains("boundary=") || type.matches(".*boundary=(\"\")?");
            assertThat(problem.path("errors").path("body").asText().contains("names no boundary"))
                    .as(answer.body())
                    .isEqualTo(noBoundary);
        }
        assertThat(answer.body()).doesNotContain("java.", "Exception", "FileUpload", "rejected");
        assertThat(count("import_job")).isEqualTo(imports);
    }

    @Test
    void aGetSaysItsBodyIsMultipartAndIsAnsweredAsAnyGet() throws Exception {
        HttpResponse<String> answer = api("rob", "GET", "/api/people/me", "multipart/form-data", null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("username").asText()).isEqualTo("rob");
    }

    /**
     * Every GET address without a variable (the lists, API and pages): a GET carries no body, so a
     * multipart Content-Type (with or without a boundary) must not change its answer. A list binding
     * its filter parameters used to read the "upload" and answer 400.
     */
    @Test
    void everyGetAnswersAsItDoesWithoutAMultipartContentType() throws Exception {
        List<String> differing = new ArrayList<>();
        int answered = 0;
        for (String path : plainGetPaths()) {
            int plain = get(path, null).statusCode();
            answered += plain == 200 ? 1 : 0;
            for (String type : List.of("multipart/form-data; boundary=x", "multipart/form-data", "multipart/mixed")) {
                HttpResponse<String> multipart = get(path, type);
                if (multipart.statusCode() != plain) {
                    differing.add("GET " + path + " as " + type + ": " + multipart.statusCode() + " (without: " + plain
                            + ") " + Text.clip(multipart.body(), 200));
                }
            }
        }

        assertThat(answered).as("GET addresses answered 200").isGreaterThan(40);
        assertThat(differing).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "/imports, multipart/form-data; boundary=zz",
        "/playbooks, multipart/form-data; boundary=zz",
        "/imports, multipart/form-data; boundary=",
        "/playbooks, multipart/form-data; boundary="
    })
    void answersAMalformedUploadFormWithAReadableErrorPage(String path, String type) throws Exception {
        String cookie = sessions.computeIfAbsent("ada", u -> SignedIn.signIn(root(), u, "demo"));
        HttpResponse<String> form = client.send(
                HttpRequest.newBuilder(URI.create(root() + path))
                        .header("Cookie", cookie)
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as("the upload form's CSRF token").isTrue();
        long imports = count("import_job");

        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(root() + path))
                        .header("Cookie", cookie)
                        .header("Accept", "text/html")
                        .header("Content-Type", type)
                        .header("X-CSRF-TOKEN", token.group(1))
                        .POST(HttpRequest.BodyPublishers.ofString(GARBAGE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body())
                .contains("not a readable multipart upload")
                .doesNotContain("java.", "Exception", "FileUpload");
        assertThat(count("import_job")).isEqualTo(imports);
    }

    private HttpResponse<String> api(String user, String method, String path, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path))
                .header("Accept", "application/json")
                .header("Content-Type", type)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The application's GET addresses without a path variable, from its own request mappings. */
    private List<String> plainGetPaths() {
        Set<String> paths = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                info.getPathPatternsCondition().getPatterns().stream()
                        .map(PathPattern::getPatternString)
                        .filter(path -> !path.contains("{") && !path.contains("*"))
                        .forEach(paths::add);
            }
        });
        return List.copyOf(paths);
    }

    /** A GET as ada (HTTP Basic for the API, her browser session for the pages), with no body. */
    private HttpResponse<String> get(String path, String type) throws Exception {
        boolean api = path.startsWith("/api/");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path))
                .header("Accept", api ? "application/json" : "text/html");
        if (api) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("ada:demo".getBytes(StandardCharsets.UTF_8)));
        } else {
            request.header("Cookie", sessions.computeIfAbsent("ada", u -> SignedIn.signIn(root(), u, "demo")));
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String named(String body) {
        return "GARBAGE".equals(body) ? GARBAGE : "FORM".equals(body) ? FORM : body;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private String root() {
        return "http://localhost:" + port;
    }
}
