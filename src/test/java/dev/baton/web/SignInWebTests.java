package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser's view of the shell, over real HTTP with a cookie jar and no redirect following, so
 * each step (CSRF token, session cookie, redirect) is visible.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInWebTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Test
    void showsTheSignInPageWithACsrfToken() throws Exception {
        HttpResponse<String> page = get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to Baton", "name=\"username\"", "name=\"password\"");
        assertThat(CSRF.matcher(page.body()).find()).isTrue();
    }

    /** Found by a probe: every first page view logged a 404 for the icon browsers ask for. */
    @Test
    void theBrowserIconIsThereBeforeSignIn() throws Exception {
        HttpResponse<String> icon = get("/favicon.ico");

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
    }

    @Test
    void signsInRobThroughTheFormAndStartsInHisInbox() throws Exception {
        HttpResponse<String> signedIn = signIn("rob", "demo");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> home = get(location(signedIn));
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(location(home)).endsWith("/tasks");
    }

    @Test
    void saysSoWhenThePasswordIsWrong() throws Exception {
        HttpResponse<String> rejected = signIn("rob", "not-demo");

        assertThat(location(rejected)).endsWith("/login?error");
        assertThat(get(location(rejected)).body()).contains("Wrong user name or password");
    }

    @Test
    void refusesAFormPostWithoutCsrfTokenWithAReadablePage() throws Exception {
        HttpResponse<String> refused = post("/login", "username=rob&password=demo");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed", "reload the page");
    }

    @Test
    void sendsStrangersToTheSignInPageButLeavesHealthOpen() throws Exception {
        HttpResponse<String> accounts = get("/accounts");
        assertThat(accounts.statusCode()).isEqualTo(302);
        assertThat(location(accounts)).endsWith("/login");

        HttpResponse<String> health = get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void showsAReadablePageForAnUnknownAddress() throws Exception {
        signIn("rob", "demo");

        HttpResponse<String> missing = get("/no-such-page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "/no-such-page", "Sign out");
    }

    /** Boot's error page, asked for without an error, renders as a server error: the 500 page. */
    @Test
    void showsAServerErrorWithoutItsInternals() throws Exception {
        signIn("rob", "demo");

        HttpResponse<String> error = get("/error");

        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.body())
                .contains("Something went wrong on our side", "Back to my tasks")
                .doesNotContain("Exception");
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        Matcher token = CSRF.matcher(get("/login").body());
        assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
        return post(
                "/login",
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1)));
    }

    private HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        return get(pathOrUrl, "text/html");
    }

    private HttpResponse<String> get(String pathOrUrl, String accept) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
