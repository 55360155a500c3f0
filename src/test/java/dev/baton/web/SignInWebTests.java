package dev.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.shared.ProblemErrorController;
import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The browser's view of the shell, over real HTTP with a cookie jar and no redirect following, so
 * each step (CSRF token, session cookie, redirect) is visible.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInWebTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ProblemErrorController errors;

    @Autowired
    ThymeleafViewResolver views;

    @Autowired
    WebApplicationContext context;

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
        assertThat(refused.body())
                .as("the form expired (session 47), not a missing role")
                .contains("Form expired", "reload the page and send it again")
                .doesNotContain("ask an admin");
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

    /**
     * Found by probe 40a: {@code /error} asked for directly answered 500, titled "None", signed in or not. It
     * is no page: a 404, as any unknown address.
     */
    @Test
    void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
        HttpResponse<String> problem = get("/error", "application/json");

        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem.body())
                .contains("\"title\":\"Not found\"", "there is nothing at this address", "\"instance\":\"/error\"");

        signIn("rob", "demo");
        HttpResponse<String> page = get("/error");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found", "/error", "Sign out");
    }

    /** The 500 page, for an error forwarded to it as the servlet container does, says nothing of its cause. */
    @Test
    void showsAServerErrorWithoutItsInternals() throws Exception {
        MockHttpServletRequest failed = new MockHttpServletRequest("GET", "/error");
        failed.addHeader("Accept", "text/html");
        failed.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        failed.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        failed.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/accounts/1");
        failed.setAttribute(
                RequestDispatcher.ERROR_EXCEPTION,
                new IllegalStateException("java.sql.SQLException: relation secret_table"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        ModelAndView page = errors.errorHtml(failed, response);
        views.resolveViewName(page.getViewName(), Locale.ENGLISH).render(page.getModel(), failed, response);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString())
                .contains("Something went wrong on our side", "Back to my tasks")
                .doesNotContain("Exception", "secret_table");
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
